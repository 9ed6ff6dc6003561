package io.kmsd.policy.grants;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An encryption-context grant constraint (key-policy-semantics E13): pair keys compare case-insensitively,
 * values case-sensitively (A5). The lower-cased view is built once here.
 */
public record GrantConstraint(Type type, Map<String, String> context) {

    /** The two constraint kinds, named as {@code kms:GrantConstraintType} values. */
    public enum Type { EncryptionContextEquals, EncryptionContextSubset }

    public GrantConstraint {
        if (type == null || context == null) {
            throw new IllegalArgumentException("a constraint needs a type and a context");
        }
        context = Collections.unmodifiableMap(new LinkedHashMap<>(context));
    }

    public static GrantConstraint equalsContext(Map<String, String> context) {
        return new GrantConstraint(Type.EncryptionContextEquals, context);
    }

    public static GrantConstraint subsetOf(Map<String, String> context) {
        return new GrantConstraint(Type.EncryptionContextSubset, context);
    }

    /** E13: does a request encryption context satisfy this constraint? */
    public boolean admits(Map<String, String> request) {
        Map<String, String> req = lower(request == null ? Map.of() : request);
        Map<String, String> mine = lower(context);
        if (type == Type.EncryptionContextEquals) {
            return req.equals(mine);
        }
        return req.entrySet().containsAll(mine.entrySet());
    }

    /** E14: is {@code child} at least as strict as this parent constraint? */
    public boolean isNoBroaderThan(GrantConstraint child) {
        if (child == null) {
            return false;
        }
        Map<String, String> mine = lower(context);
        Map<String, String> theirs = lower(child.context);
        if (type == Type.EncryptionContextEquals) {
            return child.type == Type.EncryptionContextEquals && theirs.equals(mine);
        }
        return theirs.entrySet().containsAll(mine.entrySet());
    }

    static Map<String, String> lower(Map<String, String> m) {
        Map<String, String> out = new LinkedHashMap<>(m.size() * 2);
        m.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
        return out;
    }
}
