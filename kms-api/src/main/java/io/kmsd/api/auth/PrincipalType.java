package io.kmsd.api.auth;

/** The kinds of caller an identities file defines (key-policy-semantics §1). */
public enum PrincipalType {
    /** An IAM user, {@code arn:aws:iam::ACCT:user/PATH/NAME}. */
    User,
    /** A role session, {@code arn:aws:sts::ACCT:assumed-role/ROLE/SESSION}. */
    AssumedRole,
    /** The account's root user, {@code arn:aws:iam::ACCT:root}. */
    Root
}
