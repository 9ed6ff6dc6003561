package io.kmsd.core;

import io.kmsd.core.error.KmsException;
import io.kmsd.core.grant.Grant;
import io.kmsd.core.grant.GrantConstraints;
import io.kmsd.core.grant.GrantName;
import io.kmsd.core.grant.GrantOperation;
import io.kmsd.core.grant.GrantPrincipal;
import io.kmsd.core.key.KeyArn;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** A CreateGrant request as core takes it (kms-api §4.9), every member already a typed value. */
public record NewGrant(KeyArn key, GrantPrincipal grantee, Optional<GrantPrincipal> retiringPrincipal,
                       Set<GrantOperation> operations, Optional<GrantConstraints> constraints,
                       Optional<GrantName> name) {

    public NewGrant {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(grantee, "grantee");
        retiringPrincipal = retiringPrincipal == null ? Optional.empty() : retiringPrincipal;
        constraints = constraints == null ? Optional.empty() : constraints;
        name = name == null ? Optional.empty() : name;
        if (operations == null || operations.isEmpty()) {
            throw KmsException.validation("Operations must name at least one grant operation."); // kms-api §4.9
        }
        operations = Collections.unmodifiableSet(EnumSet.copyOf(operations));
    }

    /** A request without retiring principal, constraint or name. */
    public static NewGrant of(KeyArn key, GrantPrincipal grantee, Set<GrantOperation> operations) {
        return new NewGrant(key, grantee, Optional.empty(), operations, Optional.empty(), Optional.empty());
    }

    public NewGrant withRetiringPrincipal(GrantPrincipal retiring) {
        return new NewGrant(key, grantee, Optional.of(retiring), operations, constraints, name);
    }

    public NewGrant withConstraints(GrantConstraints constraint) {
        return new NewGrant(key, grantee, retiringPrincipal, operations, Optional.of(constraint), name);
    }

    public NewGrant withName(GrantName grantName) {
        return new NewGrant(key, grantee, retiringPrincipal, operations, constraints, Optional.of(grantName));
    }

    /** kms-api §4.9: an existing grant this request repeats (same key, Name and parameters). */
    public boolean repeats(Grant existing) {
        return existing.keyArn().equals(key) && name.isPresent() && existing.name().equals(name)
                && existing.sameParameters(grantee, retiringPrincipal, operations, constraints);
    }
}
