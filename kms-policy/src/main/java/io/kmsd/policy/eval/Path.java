package io.kmsd.policy.eval;

/**
 * Which allow rule applies (X1 {@code path}): E7 same account, E8 cross account, E10 service principal, or
 * ours, IDENTITY_ONLY, for operations without a key resource (E18) and alias-ARN checks.
 */
public enum Path { SAME_ACCOUNT, CROSS_ACCOUNT, SERVICE_PRINCIPAL, IDENTITY_ONLY }
