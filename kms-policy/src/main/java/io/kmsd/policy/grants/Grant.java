package io.kmsd.policy.grants;

import java.util.Set;

/**
 * A grant as the engine sees it (key-policy-semantics section 1, E12–E16). {@code grantId} is an opaque label;
 * {@code issuingAccount} is an account id or its root ARN; {@code propagated=false} models a grant not yet
 * visible without its token (E15); {@code token} may be null.
 */
public record Grant(String grantId, String keyArn, String granteePrincipal, String retiringPrincipal,
        Set<String> operations, GrantConstraint constraint, String issuingAccount, GrantState state,
        boolean propagated, String token) {

    public Grant {
        if (grantId == null || grantId.isEmpty() || keyArn == null || granteePrincipal == null) {
            throw new IllegalArgumentException("a grant needs an id, a key ARN and a grantee");
        }
        if (operations == null || operations.isEmpty()) {
            throw new IllegalArgumentException("a grant needs at least one operation");
        }
        for (String op : operations) {
            if (!GrantOperations.isGrantable(op)) {
                throw new IllegalArgumentException("'" + op + "' cannot be granted");
            }
        }
        operations = Set.copyOf(operations);
        state = state == null ? GrantState.ACTIVE : state;
    }

    /** An active, propagated grant without constraint, retiring principal or token. */
    public static Grant simple(String grantId, String keyArn, String grantee, Set<String> operations,
            String issuingAccount) {
        return new Grant(grantId, keyArn, grantee, null, operations, null, issuingAccount, GrantState.ACTIVE,
                true, null);
    }

    /** The issuing account id, whether given as an id or as a root ARN. */
    public String issuingAccountId() {
        return accountOf(issuingAccount);
    }

    static String accountOf(String accountOrRootArn) {
        if (accountOrRootArn == null) {
            return null;
        }
        if (accountOrRootArn.startsWith("arn:") && accountOrRootArn.endsWith(":root")) {
            String[] parts = accountOrRootArn.split(":");
            return parts.length == 6 ? parts[4] : accountOrRootArn;
        }
        return accountOrRootArn;
    }
}
