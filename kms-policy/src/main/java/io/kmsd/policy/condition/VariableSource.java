package io.kmsd.policy.condition;

/** Where policy variables ({@code ${aws:username}}, key-policy-semantics C12) get their values. */
@FunctionalInterface
public interface VariableSource {
    VariableSource NONE = key -> null;

    /** The single value of a context key given in lower case, or null when absent or multivalued. */
    String variable(String lowerKey);
}
