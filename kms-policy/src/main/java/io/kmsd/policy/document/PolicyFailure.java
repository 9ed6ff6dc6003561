package io.kmsd.policy.document;

/** The G15 failure names that open every MalformedPolicyDocumentException message. */
public enum PolicyFailure {
    SyntaxError,
    UnsupportedVersion,
    InvalidStatementElement,
    InvalidEffect,
    InvalidPrincipal,
    PrincipalNotFound,
    InvalidConditionOperator,
    OverlyPermissiveCondition,
    InvalidCharacter,
    LockoutSafetyCheck,
    /** G13 size quota: not a syntax error, the write fails with LimitExceededException (validation reports it). */
    LimitExceeded
}
