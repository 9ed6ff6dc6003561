package io.kmsd.api.authz;

/**
 * The rule until the policy engine replaces it: a caller may act on the keys of its own account, and on
 * resource {@code *} (IAM-only operations); any other account's key is denied as the service denies a caller
 * no resource-based policy allows.
 */
public final class SameAccountAuthorizer implements Authorizer {

    @Override
    public AuthzDecision decide(AuthzRequest request) {
        if (request.key().isEmpty()) {
            return AuthzDecision.allow("IAM-only action on resource * in the caller's own account");
        }
        if (request.key().get().arn().account().equals(request.principal().account())) {
            return AuthzDecision.allow("key of the caller's own account");
        }
        return new AuthzDecision(AuthzDecision.Outcome.IMPLICIT_DENY,
                AccessDeniedMessages.noResourcePolicyAllows(request), "key of another account");
    }
}
