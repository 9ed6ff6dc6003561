package io.kmsd.core.grant;

import io.kmsd.core.error.KmsException;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An encryption-context grant constraint (kms-api §4.9, key-policy-semantics E13): {@code EncryptionContextEquals}
 * (the request's context must equal the pairs) or {@code EncryptionContextSubset} (it must contain them). At most
 * 8 pairs, values at most 384 characters. A grant has at most one constraint; an empty map counts as absent.
 * The pairs are kept sorted by key, so equal constraints are equal records and encode to the same bytes.
 * (How a request context is matched — keys case-insensitively — is the policy engine's part.)
 */
public record GrantConstraints(Type type, SortedMap<String, String> pairs) {
    public static final int MAX_PAIRS = 8;
    public static final int MAX_VALUE_CHARS = 384;

    /** The two constraint kinds, named as on the wire and as {@code kms:GrantConstraintType} values. */
    public enum Type { EncryptionContextEquals, EncryptionContextSubset }

    public GrantConstraints {
        if (type == null || pairs == null || pairs.isEmpty()) {
            throw new IllegalArgumentException("a grant constraint needs a type and at least one pair");
        }
        String problem = problem(type, pairs);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        pairs = Collections.unmodifiableSortedMap(new TreeMap<>(pairs));
    }

    public static GrantConstraints equalsContext(Map<String, String> pairs) {
        return new GrantConstraints(Type.EncryptionContextEquals, new TreeMap<>(pairs));
    }

    public static GrantConstraints subsetOf(Map<String, String> pairs) {
        return new GrantConstraints(Type.EncryptionContextSubset, new TreeMap<>(pairs));
    }

    /**
     * The constraint of a CreateGrant request's {@code Constraints} member (either map may be null or empty):
     * none, one, or a ValidationException for both kinds at once, too many pairs or too long a value.
     */
    public static Optional<GrantConstraints> fromRequest(Map<String, String> equalsPairs,
                                                         Map<String, String> subsetPairs) {
        boolean hasEquals = equalsPairs != null && !equalsPairs.isEmpty();
        boolean hasSubset = subsetPairs != null && !subsetPairs.isEmpty();
        if (hasEquals && hasSubset) {
            throw KmsException.validation("A grant can have only one constraint: EncryptionContextEquals or "
                    + "EncryptionContextSubset, not both.");
        }
        if (!hasEquals && !hasSubset) {
            return Optional.empty();
        }
        Type type = hasEquals ? Type.EncryptionContextEquals : Type.EncryptionContextSubset;
        Map<String, String> pairs = hasEquals ? equalsPairs : subsetPairs;
        String problem = problem(type, pairs);
        if (problem != null) {
            throw KmsException.validation(problem);
        }
        return Optional.of(new GrantConstraints(type, new TreeMap<>(pairs)));
    }

    private static String problem(Type type, Map<String, String> pairs) {
        if (pairs.size() > MAX_PAIRS) {
            return "Grant constraint " + type + " has " + pairs.size() + " pairs; at most " + MAX_PAIRS
                    + " are allowed.";
        }
        for (Map.Entry<String, String> pair : pairs.entrySet()) {
            if (pair.getKey() == null || pair.getKey().isEmpty() || pair.getValue() == null) {
                return "Grant constraint " + type + " has an empty key or a null value.";
            }
            if (pair.getValue().length() > MAX_VALUE_CHARS) {
                return "The value of '" + pair.getKey() + "' in grant constraint " + type + " has "
                        + pair.getValue().length() + " characters; at most " + MAX_VALUE_CHARS + " are allowed.";
            }
        }
        return null;
    }
}
