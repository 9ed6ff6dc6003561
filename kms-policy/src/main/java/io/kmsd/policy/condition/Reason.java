package io.kmsd.policy.condition;

/** Why a condition came out as it did (key-policy-semantics X3). */
public enum Reason {
    MATCHED,
    NO_VALUE_MATCHED,
    KEY_ABSENT,
    KEY_ABSENT_IFEXISTS_TRUE,
    KEY_ABSENT_NEGATED_TRUE,
    EMPTY_SET_FORALL_TRUE,
    EMPTY_SET_FORANY_FALSE,
    VARIABLE_UNRESOLVED,
    TYPE_MISMATCH,
    MULTIVALUED_WITHOUT_SET_OPERATOR;

    /** True when the outcome was decided by the key being absent (X5 notes these). */
    public boolean decidedByAbsentKey() {
        return this == KEY_ABSENT || this == KEY_ABSENT_IFEXISTS_TRUE || this == KEY_ABSENT_NEGATED_TRUE
                || this == EMPTY_SET_FORALL_TRUE || this == EMPTY_SET_FORANY_FALSE;
    }
}
