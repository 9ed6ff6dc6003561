package io.kmsd.api.authz;

import io.kmsd.api.auth.Principal;
import io.kmsd.core.error.KmsException;
import java.util.Optional;

/**
 * Decides one {@link AuthzRequest}. Must be cheap: it runs on every request, so whatever it needs (compiled
 * policies) is prepared beforehand. Throws only for a request that carries an invalid grant token
 * (InvalidGrantTokenException, kms-api §4.0).
 */
public interface Authorizer {

    AuthzDecision decide(AuthzRequest request);

    /**
     * The document half of a policy write (PutKeyPolicy, CreateKey with {@code Policy}) once {@link #decide}
     * allowed the request: validation of the new policy (MalformedPolicyDocument, LimitExceeded), the
     * separation-of-duties rule when enforced, and the lockout safety check unless bypassed
     * (key-policy-semantics L1–L4). Empty when the policy may be stored.
     */
    Optional<KmsException> checkPolicyWrite(AuthzRequest request, String newPolicy);

    /**
     * What {@link #decide} answers for {@code request} now, explained statement by statement (key-policy-semantics
     * X1–X7), every guardrail's verdict included; for the ExplainAccess operation. Costs far more than a decision.
     * Empty when this authorizer cannot explain.
     */
    default Optional<AccessExplanation> explain(AuthzRequest request) {
        return Optional.empty();
    }

    /** A principal the identities know by ARN (with its tags and identity policies), or an existing account's root. */
    default Optional<Principal> principal(String arn) {
        return Optional.empty();
    }
}
