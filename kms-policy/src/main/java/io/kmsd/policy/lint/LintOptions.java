package io.kmsd.policy.lint;

import io.kmsd.policy.document.PolicyKind;

/**
 * What the linter knows besides the policy: its kind, and optionally the key's ARN and owning account (KA). When
 * the account is not given it is inferred from the policy: the account of the principals that may call
 * PutKeyPolicy (administration never works across accounts), else of the first principal naming an account.
 */
public record LintOptions(PolicyKind kind, String keyArn, String keyAccount) {

    public LintOptions {
        kind = kind == null ? PolicyKind.KEY : kind;
        if (keyAccount == null && keyArn != null) {
            String[] parts = keyArn.split(":", 6);
            keyAccount = parts.length == 6 ? parts[4] : null;
        }
    }

    public static LintOptions keyPolicy() {
        return new LintOptions(PolicyKind.KEY, null, null);
    }
}
