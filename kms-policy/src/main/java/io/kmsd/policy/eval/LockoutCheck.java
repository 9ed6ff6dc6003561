package io.kmsd.policy.eval;

import io.kmsd.policy.actions.Action;
import io.kmsd.policy.condition.RequestContext;
import io.kmsd.policy.document.PolicyDocument;
import io.kmsd.policy.request.AuthorizationRequest;
import io.kmsd.policy.request.ContextBuilder;
import io.kmsd.policy.request.KeyFacts;
import io.kmsd.policy.request.RequestFacts;
import java.util.List;

/**
 * The policy lockout safety check (key-policy-semantics L2): would the same caller, with its current identity
 * policies, no grants and the current context minus {@code kms:BypassPolicyLockoutSafetyCheck}, be allowed to
 * call PutKeyPolicy on the key once the new policy is in place?
 */
public final class LockoutCheck {
    public static final String BYPASS_KEY = "kms:BypassPolicyLockoutSafetyCheck";
    /** The AWS message, prefixed with the G15 failure name. */
    public static final String MESSAGE =
            "LockoutSafetyCheck: The new key policy will not allow you to update the key policy in the future.";

    private static final Action PUT_KEY_POLICY = Action.kms("PutKeyPolicy");

    private LockoutCheck() {
    }

    /**
     * Simulates the PutKeyPolicy. {@code request} is the write being checked (PutKeyPolicy, CreateKey or
     * ReplicateKey); {@code target} is the key whose policy would become {@code newPolicy}.
     */
    public static Decision simulate(Evaluator evaluator, AuthorizationRequest request, KeyFacts target,
            PolicyDocument newPolicy) {
        KeyFacts key = target.withPolicy(newPolicy);
        RequestContext ctx = request.action().equals(PUT_KEY_POLICY) ? request.context()
                : ContextBuilder.build(request.caller().principal(), PUT_KEY_POLICY, key, null, request.facts());
        AuthorizationRequest sim = request.with(PUT_KEY_POLICY, key, ctx.without(BYPASS_KEY), List.of());
        return evaluator.evaluate(sim);
    }

    /** True when the caller keeps PutKeyPolicy under the new policy. */
    public static boolean passes(Evaluator evaluator, AuthorizationRequest request, KeyFacts target,
            PolicyDocument newPolicy) {
        return simulate(evaluator, request, target, newPolicy).allowed();
    }

    /** L1/L3: the check runs unless the request sets BypassPolicyLockoutSafetyCheck=true. */
    public static boolean bypassed(RequestFacts facts) {
        return Boolean.TRUE.equals(facts.bypassPolicyLockoutSafetyCheck());
    }
}
