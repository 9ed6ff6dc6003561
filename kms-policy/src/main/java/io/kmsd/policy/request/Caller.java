package io.kmsd.policy.request;

import io.kmsd.policy.document.NamedPolicy;
import io.kmsd.policy.principal.Principal;
import java.util.List;

/**
 * The authenticated principal and every identity policy in effect for it (for a session: its role's). Root users
 * and service principals have none (E9, E10). Build once per identity and cache it.
 */
public record Caller(Principal principal, List<NamedPolicy> identityPolicies) {

    public Caller {
        if (principal == null) {
            throw new IllegalArgumentException("a caller needs a principal");
        }
        identityPolicies = identityPolicies == null ? List.of() : List.copyOf(identityPolicies);
        if (!identityPolicies.isEmpty() && (principal.isRoot() || principal.isService())) {
            throw new IllegalArgumentException("root users and service principals have no identity policies");
        }
    }

    public static Caller of(Principal principal, NamedPolicy... policies) {
        return new Caller(principal, List.of(policies));
    }
}
