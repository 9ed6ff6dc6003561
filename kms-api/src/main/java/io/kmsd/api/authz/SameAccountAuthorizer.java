package io.kmsd.api.authz;

import java.util.Optional;

/**
 * The rule until the policy engine replaces it: a caller may act on the keys and aliases of its own account,
 * and on resource {@code *} (IAM-only operations); another account's key or alias is denied the way the
 * service denies a caller no resource-based policy allows.
 */
public final class SameAccountAuthorizer implements Authorizer {

    @Override
    public AuthzDecision decide(AuthzRequest request) {
        Optional<String> owner = request.resourceAccount();
        if (owner.isEmpty()) {
            return AuthzDecision.allow("IAM-only action on resource * by a caller of this server");
        }
        if (owner.get().equals(request.principal().account().value())) {
            return AuthzDecision.allow("resource of the caller's own account");
        }
        return new AuthzDecision(AuthzDecision.Outcome.IMPLICIT_DENY,
                AccessDeniedMessages.noResourcePolicyAllows(request), "resource of another account");
    }
}
