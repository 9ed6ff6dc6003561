package io.kmsd.api.authz;

/**
 * Decides one {@link AuthzRequest}. Must be a total function (never throws for a well-formed request) and
 * cheap: it runs on every request, so whatever it needs (compiled policies) is prepared beforehand.
 */
public interface Authorizer {

    AuthzDecision decide(AuthzRequest request);
}
