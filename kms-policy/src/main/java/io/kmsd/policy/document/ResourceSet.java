package io.kmsd.policy.document;

import io.kmsd.policy.condition.ArnPattern;
import io.kmsd.policy.condition.Glob;
import io.kmsd.policy.condition.VariableSource;
import java.util.List;

/**
 * A compiled Resource or NotResource element (G10): ARN patterns, segment-wise, with policy variables under
 * Version 2012-10-17 (C12). In a key policy {@code *} means this key.
 */
public final class ResourceSet {
    private final List<ArnPattern> patterns;

    public ResourceSet(List<String> patterns, boolean variables) {
        if (patterns == null || patterns.isEmpty()) {
            throw new IllegalArgumentException("a resource element needs at least one pattern");
        }
        this.patterns = patterns.stream().map(p -> ArnPattern.compile(p, variables)).toList();
    }

    public List<String> patterns() {
        return patterns.stream().map(ArnPattern::source).toList();
    }

    /** True when some pattern matches; a pattern with an unresolved variable matches nothing (C12). */
    public boolean matches(String resource, VariableSource vars) {
        return matchedPattern(resource, vars) != null;
    }

    public String matchedPattern(String resource, VariableSource vars) {
        for (int i = 0; i < patterns.size(); i++) {
            ArnPattern p = patterns.get(i);
            if (p.isMatchAll() || p.test(resource, vars) == Glob.MATCH) {
                return p.source();
            }
        }
        return null;
    }
}
