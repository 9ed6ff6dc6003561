package io.kmsd.policy.document;

import io.kmsd.policy.actions.Action;
import io.kmsd.policy.principal.PrincipalEntry;
import java.util.List;

/**
 * Which account a key policy belongs to, when only the policy is known (lint, diff): the account of the principals
 * that may call PutKeyPolicy — administration never works across accounts (key-policy-semantics E2) — else the
 * account of the first principal that names one.
 */
public final class KeyAccount {
    private static final Action PUT_KEY_POLICY = Action.kms("PutKeyPolicy");

    private KeyAccount() {
    }

    /** The inferred account, or null when no statement names one. */
    public static String infer(List<Statement> statements) {
        String first = null;
        for (Statement s : statements) {
            if (s.principals() == null || s.notPrincipal() || !s.isAllow()) {
                continue;
            }
            boolean admin = s.actions() != null && s.notAction() != s.actions().matches(PUT_KEY_POLICY);
            for (PrincipalEntry e : s.principals().entries()) {
                if (e.account() != null && admin) {
                    return e.account();
                }
                first = first == null ? e.account() : first;
            }
        }
        return first;
    }
}
