package io.kmsd.core.grant;

/**
 * A grant's state. Only ACTIVE grants allow anything (key-policy-semantics E12); RetireGrant and RevokeGrant
 * end a grant for good, and its token never revives it (E15).
 */
public enum GrantState {
    ACTIVE,
    RETIRED,
    REVOKED
}
