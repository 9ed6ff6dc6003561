package io.kmsd.policy.eval;

/** The outcome of a decision: ALLOW or one of the deny types of X1. */
public enum Outcome {
    ALLOW(null),
    EXPLICIT_DENY("EXPLICIT"),
    IMPLICIT_DENY("IMPLICIT"),
    CROSS_ACCOUNT_UNSUPPORTED("CROSS_ACCOUNT_UNSUPPORTED"),
    MALFORMED("MALFORMED"),
    LOCKOUT("LOCKOUT"),
    /** The IAM decision was ALLOW but a guardrail (a Cedar forbid policy) denies the request. */
    GUARDRAIL_DENY("GUARDRAIL");

    private final String denyType;

    Outcome(String denyType) {
        this.denyType = denyType;
    }

    /** X1 {@code denyType}; null for ALLOW. */
    public String denyType() {
        return denyType;
    }

    public boolean allowed() {
        return this == ALLOW;
    }
}
