package io.kmsd.policy.eval;

import io.kmsd.core.error.KmsException;
import io.kmsd.policy.document.PolicyDocument;
import io.kmsd.policy.document.PolicyViolation;

/**
 * The phases of a policy write (key-policy-semantics L4, E20 step 6): the authorization of the request itself,
 * then validation of the new policy (G, {@code violation}/{@code error} when it failed, {@code document} when it
 * passed), then the lockout simulation ({@code lockout}, null when bypassed (L3) or not reached).
 */
public record PolicyCheck(Decision authorization, PolicyDocument document, PolicyViolation violation,
        KmsException error, Decision lockout, boolean bypassed) {

    public PolicyCheck {
        if (authorization == null) {
            throw new IllegalArgumentException("a policy check starts with the request's own authorization");
        }
    }
}
