package io.kmsd.core.grant;

import io.kmsd.core.key.AccountId;
import io.kmsd.core.key.KeyArn;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One grant (kms-api §4.9 ListGrants entry, key-policy-semantics §1): which key, who may use it for which
 * operations under which constraint, who may retire it, and its state. {@code issuingAccount} is the key owner
 * (ListGrants shows {@link #issuingAccountArn()}). Grants never expire. A grant decoded from a token has no name.
 */
public record Grant(GrantId grantId, KeyArn keyArn, Optional<GrantName> name, Instant creationDate,
                    GrantPrincipal granteePrincipal, Optional<GrantPrincipal> retiringPrincipal,
                    AccountId issuingAccount, Set<GrantOperation> operations, Optional<GrantConstraints> constraints,
                    GrantState state) {

    public Grant {
        Objects.requireNonNull(grantId, "grantId");
        Objects.requireNonNull(keyArn, "keyArn");
        Objects.requireNonNull(creationDate, "creationDate");
        Objects.requireNonNull(granteePrincipal, "granteePrincipal");
        Objects.requireNonNull(issuingAccount, "issuingAccount");
        Objects.requireNonNull(state, "state");
        name = name == null ? Optional.empty() : name;
        retiringPrincipal = retiringPrincipal == null ? Optional.empty() : retiringPrincipal;
        constraints = constraints == null ? Optional.empty() : constraints;
        if (operations == null || operations.isEmpty()) {
            throw new IllegalArgumentException("a grant allows at least one operation");
        }
        operations = Collections.unmodifiableSet(EnumSet.copyOf(operations));
    }

    public boolean isActive() {
        return state == GrantState.ACTIVE;
    }

    public Grant withState(GrantState newState) {
        return new Grant(grantId, keyArn, name, creationDate, granteePrincipal, retiringPrincipal, issuingAccount,
                operations, constraints, newState);
    }

    /** {@code arn:aws:iam::<account>:root}, as ListGrants shows {@code IssuingAccount}. */
    public String issuingAccountArn() {
        return issuingAccount.rootArn();
    }

    /**
     * kms-api §4.9: same grantee, retiring principal, operations and constraint — what makes a CreateGrant with
     * the same Name return this grant's id.
     */
    public boolean sameParameters(GrantPrincipal grantee, Optional<GrantPrincipal> retiring,
                                  Set<GrantOperation> ops, Optional<GrantConstraints> constraint) {
        return granteePrincipal.equals(grantee) && retiringPrincipal.equals(retiring) && operations.equals(ops)
                && constraints.equals(constraint);
    }
}
