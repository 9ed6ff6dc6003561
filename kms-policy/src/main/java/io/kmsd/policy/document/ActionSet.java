package io.kmsd.policy.document;

import io.kmsd.policy.actions.Action;
import io.kmsd.policy.condition.Glob;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A compiled Action or NotAction element (G9): exact names in a hash set, wildcard patterns as globs, all in
 * lower case because action matching ignores case.
 */
public final class ActionSet {
    private final List<String> patterns;
    private final boolean all;
    private final Set<String> exact = new HashSet<>();
    private final List<Glob> globs = new ArrayList<>();

    public ActionSet(List<String> patterns) {
        if (patterns == null || patterns.isEmpty()) {
            throw new IllegalArgumentException("an action element needs at least one pattern");
        }
        this.patterns = List.copyOf(patterns);
        boolean any = false;
        for (String p : patterns) {
            String lower = p.toLowerCase(Locale.ROOT);
            any |= lower.equals("*");
            if (lower.indexOf('*') >= 0 || lower.indexOf('?') >= 0) {
                globs.add(Glob.compile(lower, true, false));
            } else {
                exact.add(lower);
            }
        }
        this.all = any;
    }

    public List<String> patterns() {
        return patterns;
    }

    public boolean matches(Action a) {
        if (all || exact.contains(a.lower())) {
            return true;
        }
        for (int i = 0; i < globs.size(); i++) {
            if (globs.get(i).matches(a.lower(), null)) {
                return true;
            }
        }
        return false;
    }

    /** The first pattern (as written) matching the action, or null. */
    public String matchedPattern(Action a) {
        for (String p : patterns) {
            if (new ActionSet(List.of(p)).matches(a)) {
                return p;
            }
        }
        return null;
    }
}
