package io.kmsd.policy.eval;

import io.kmsd.policy.document.PolicyDocument;
import io.kmsd.policy.document.PolicyFailure;
import io.kmsd.policy.document.PolicyKind;
import io.kmsd.policy.document.PolicyParser;
import io.kmsd.policy.document.PolicyViolation;
import io.kmsd.core.error.KmsError;
import io.kmsd.core.error.KmsException;
import io.kmsd.policy.principal.IdentityDirectory;
import io.kmsd.policy.request.AuthorizationRequest;
import io.kmsd.policy.request.KeyFacts;
import java.util.List;

/**
 * A policy write — PutKeyPolicy, or CreateKey/ReplicateKey with a policy — checked in the order of
 * key-policy-semantics L4 / E20 step 6: the request's own authorization (AccessDenied), then validation of the
 * new policy (G: {@code malformedPolicy}), then the lockout safety check (L2: {@code lockoutSafetyCheck}, skipped
 * with bypass, L3). On ALLOW the compiled new policy is in {@link PolicyCheck#document()}, ready to store.
 */
public final class KeyPolicyChange {
    private KeyPolicyChange() {
    }

    /**
     * @param request   the write request itself (for CreateKey: without a key, resource {@code *})
     * @param newPolicy the policy text as sent
     * @param directory for G8(c); null skips the existence check
     * @param target    the key that would carry the policy (for CreateKey: the new key's ARN and attributes)
     */
    public static Decision check(Evaluator evaluator, AuthorizationRequest request, String newPolicy,
            IdentityDirectory directory, KeyFacts target) {
        Decision auth = evaluator.evaluate(request);
        if (!auth.allowed()) {
            return auth;
        }
        PolicyParser.Outcome parsed = PolicyParser.check(newPolicy, PolicyKind.KEY, directory);
        if (!parsed.accepted()) {
            PolicyCheck pc = new PolicyCheck(auth, null, parsed.violation(), parsed.error(), null, false);
            return withCheck(auth, Outcome.MALFORMED, List.of(Decision.MALFORMED_POLICY), pc);
        }
        PolicyDocument doc = parsed.document();
        if (LockoutCheck.bypassed(request.facts())) {
            return withCheck(auth, Outcome.ALLOW, auth.deciding(), new PolicyCheck(auth, doc, null, null, null, true));
        }
        Decision sim = LockoutCheck.simulate(evaluator, request, target, doc);
        if (!sim.allowed()) {
            PolicyViolation v = PolicyViolation.document(PolicyFailure.LockoutSafetyCheck,
                    "The new key policy will not allow you to update the key policy in the future.");
            KmsException error = new KmsException(KmsError.MalformedPolicyDocument, LockoutCheck.MESSAGE);
            PolicyCheck pc = new PolicyCheck(auth, doc, v, error, sim, false);
            return withCheck(auth, Outcome.LOCKOUT, List.of(Decision.LOCKOUT_SAFETY_CHECK), pc);
        }
        return withCheck(auth, Outcome.ALLOW, auth.deciding(), new PolicyCheck(auth, doc, null, null, sim, false));
    }

    private static Decision withCheck(Decision auth, Outcome o, List<String> deciding, PolicyCheck pc) {
        return new Decision(o, auth.path(), deciding, auth.request(), auth.evidence(), pc);
    }
}
