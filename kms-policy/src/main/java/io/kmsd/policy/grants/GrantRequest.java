package io.kmsd.policy.grants;

import java.util.List;

/**
 * The grant a CreateGrant request asks for: it feeds the {@code kms:Grant*} context keys (K3) and the E14 check
 * of a child grant created through a parent grant. Operations stay strings: the request may name invalid ones.
 */
public record GrantRequest(String granteePrincipal, String retiringPrincipal, List<String> operations,
        GrantConstraint constraint) {

    public GrantRequest {
        operations = operations == null ? List.of() : List.copyOf(operations);
    }
}
