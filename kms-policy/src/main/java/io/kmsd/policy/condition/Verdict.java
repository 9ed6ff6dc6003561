package io.kmsd.policy.condition;

/**
 * A condition's result together with its {@link Reason}, as one constant so that evaluation allocates nothing
 * and the explanation is the same computation as the decision.
 */
public enum Verdict {
    MATCHED_TRUE(Reason.MATCHED, true),
    MATCHED_NEGATED_FALSE(Reason.MATCHED, false),
    NO_VALUE_MATCHED_FALSE(Reason.NO_VALUE_MATCHED, false),
    NO_VALUE_MATCHED_NEGATED_TRUE(Reason.NO_VALUE_MATCHED, true),
    KEY_ABSENT_FALSE(Reason.KEY_ABSENT, false),
    KEY_ABSENT_IFEXISTS_TRUE(Reason.KEY_ABSENT_IFEXISTS_TRUE, true),
    KEY_ABSENT_NEGATED_TRUE(Reason.KEY_ABSENT_NEGATED_TRUE, true),
    EMPTY_SET_FORALL_TRUE(Reason.EMPTY_SET_FORALL_TRUE, true),
    EMPTY_SET_FORANY_FALSE(Reason.EMPTY_SET_FORANY_FALSE, false),
    VARIABLE_UNRESOLVED_FALSE(Reason.VARIABLE_UNRESOLVED, false),
    VARIABLE_UNRESOLVED_NEGATED_TRUE(Reason.VARIABLE_UNRESOLVED, true),
    TYPE_MISMATCH_FALSE(Reason.TYPE_MISMATCH, false),
    MULTIVALUED_WITHOUT_SET_OPERATOR_FALSE(Reason.MULTIVALUED_WITHOUT_SET_OPERATOR, false);

    private final Reason reason;
    private final boolean result;

    Verdict(Reason reason, boolean result) {
        this.reason = reason;
        this.result = result;
    }

    public Reason reason() {
        return reason;
    }

    public boolean result() {
        return result;
    }
}
