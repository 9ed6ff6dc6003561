package io.kmsd.policy.explain;

import io.kmsd.policy.condition.Reason;
import io.kmsd.policy.eval.Decision;
import io.kmsd.policy.eval.Evidence;
import io.kmsd.policy.eval.Path;
import io.kmsd.policy.explain.Explanation.ConditionResult;
import io.kmsd.policy.explain.Explanation.PolicyResult;
import io.kmsd.policy.explain.Explanation.StatementResult;
import io.kmsd.policy.request.AuthorizationRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Suggested changes, only where one is obvious: an Allow statement that missed on a single element, a missing
 * side of delegation or of a cross-account request, a call to make from the key's own account, a Deny decided by
 * an absent key.
 */
final class Suggestions {
    private Suggestions() {
    }

    static List<String> of(Decision d, List<PolicyResult> policies) {
        List<String> out = new ArrayList<>();
        AuthorizationRequest r = d.request();
        switch (d.outcome()) {
            case IMPLICIT_DENY -> {
                boolean keySideMissing = missingSide(d, r, out);
                nearMisses(policies, r, !keySideMissing, out);
            }
            case EXPLICIT_DENY -> absentKeyDenies(d, policies, out);
            case CROSS_ACCOUNT_UNSUPPORTED -> out.add("call " + r.action() + " as a principal of account "
                    + r.key().account() + ": it cannot be performed across accounts (E2)");
            default -> { }
        }
        return out;
    }

    /**
     * E7b/E8: the key policy allows the caller's account or the caller but no identity policy does, or the
     * reverse across accounts; true when the key policy is the missing side (its near misses add nothing then).
     */
    private static boolean missingSide(Decision d, AuthorizationRequest r, List<String> out) {
        Evidence e = d.evidence();
        String who = r.caller().principal().arn();
        String identity = "attach to " + who + " an identity policy allowing " + r.action() + " on " + r.resource();
        if (d.path() == Path.SAME_ACCOUNT && !e.keyAccount().isEmpty() && e.identity().isEmpty()) {
            out.add(identity + " (" + String.join(", ", e.keyAccount()) + " delegates to the account)");
        } else if (d.path() == Path.CROSS_ACCOUNT && e.keyAllows() && e.identity().isEmpty()) {
            out.add(identity + " in account " + r.caller().principal().account() + " (the key policy already allows"
                    + " it: " + String.join(", ", e.keyDirect().isEmpty() ? e.keyAccount() : e.keyDirect()) + ")");
        } else if (d.path() == Path.CROSS_ACCOUNT && !e.identity().isEmpty() && !e.keyAllows()) {
            out.add("allow " + r.action() + " to " + who + " or to account " + r.caller().principal().account()
                    + " in the key policy of account " + r.key().account());
            return true;
        }
        return false;
    }

    /** Key-policy Allow statements that failed on exactly one element, which the suggestion names. */
    private static void nearMisses(List<PolicyResult> policies, AuthorizationRequest r, boolean principals,
            List<String> out) {
        for (PolicyResult p : policies) {
            for (StatementResult s : p.statements()) {
                String fix = s.effect().equals("Allow") && !s.applies() && !s.result().equals("INERT")
                        && p.source().equals("keyPolicy") && (principals || s.principal().passed())
                        ? singleMiss(s, r) : null;
                if (fix != null) {
                    out.add(fix);
                }
            }
        }
    }

    private static String singleMiss(StatementResult s, AuthorizationRequest r) {
        List<ConditionResult> failed = s.conditions().stream().filter(c -> !c.result()).toList();
        int misses = (s.principal().passed() ? 0 : 1) + (s.action().passed() ? 0 : 1)
                + (s.resource().passed() ? 0 : 1) + failed.size();
        if (misses != 1) {
            return null;
        }
        if (!s.principal().passed() && s.principal().result().equals("NO_MATCH")) {
            return "add " + r.caller().principal().arn() + " to the Principal of " + s.ref();
        }
        if (!s.action().passed() && s.action().result().equals("NO_MATCH")) {
            return "add " + r.action() + " to the Action of " + s.ref();
        }
        if (failed.size() == 1) {
            ConditionResult c = failed.get(0);
            return c.keyPresent() ? s.ref() + " needs " + c.operator() + " " + c.key() + " " + c.resolvedPolicyValues()
                    + "; the request has " + c.requestValues() : "send " + c.key() + " (" + s.ref() + " asks for "
                    + c.operator() + " " + c.resolvedPolicyValues() + ")";
        }
        return null;
    }

    /** A Deny that applies only because a key its negated condition looks at is absent (C7). */
    private static void absentKeyDenies(Decision d, List<PolicyResult> policies, List<String> out) {
        for (PolicyResult p : policies) {
            for (StatementResult s : p.statements()) {
                if (!d.deciding().contains(s.ref())) {
                    continue;
                }
                for (ConditionResult c : s.conditions()) {
                    if (c.reason() == Reason.KEY_ABSENT_NEGATED_TRUE) {
                        String send = c.key().equalsIgnoreCase("kms:ViaService") ? "call through one of "
                                : "send " + c.key() + " with one of ";
                        out.add(send + c.resolvedPolicyValues() + ", or narrow " + s.ref()
                                + ", which denies requests without " + c.key());
                    }
                }
            }
        }
    }
}
