package io.kmsd.policy.principal;

/** How a Principal element matched the caller (key-policy-semantics E4). */
public enum PrincipalMatch {
    /** The caller itself (or every caller) is named: enough on its own in the same account. */
    DIRECT,
    /** The caller's account principal is named: delegation to the account's identity policies (E7b). */
    ACCOUNT,
    NONE
}
