package io.kmsd.policy.explain;

import io.kmsd.policy.eval.Decision;
import io.kmsd.policy.eval.Evidence;
import io.kmsd.policy.eval.GrantMatcher;
import io.kmsd.policy.eval.Outcome;
import io.kmsd.policy.eval.Path;
import io.kmsd.policy.explain.Explanation.ConditionResult;
import io.kmsd.policy.explain.Explanation.PolicyResult;
import io.kmsd.policy.explain.Explanation.StatementResult;
import io.kmsd.policy.grants.Grant;
import io.kmsd.policy.request.AuthorizationRequest;
import java.util.ArrayList;
import java.util.List;

/** X5 notes: the non-obvious reasons behind an outcome. */
final class Notes {
    private Notes() {
    }

    static List<String> of(Decision d, List<PolicyResult> policies) {
        List<String> out = new ArrayList<>();
        Evidence e = d.evidence();
        AuthorizationRequest r = d.request();
        if (e.crossAccountBlocked()) {
            out.add(r.action() + " is not a cross-account operation (E2): a caller from account "
                    + r.caller().principal().account() + " is denied before any policy is read.");
            return out;
        }
        denyOverrides(d, e, out);
        delegation(d, e, r, out);
        retire(e, out);
        grants(r, out);
        absentKeys(d, policies, out);
        if (r.caller().principal().isRoot() && d.outcome() == Outcome.IMPLICIT_DENY && d.path() == Path.SAME_ACCOUNT) {
            out.add("The root user has no implicit access to a KMS key: the key policy must allow account "
                    + r.caller().principal().account() + " (E9).");
        }
        return out;
    }

    private static void denyOverrides(Decision d, Evidence e, List<String> out) {
        int allows = e.keyDirect().size() + e.keyAccount().size() + e.identity().size() + e.grants().size();
        if (d.outcome() == Outcome.EXPLICIT_DENY && allows > 0) {
            out.add("Explicit deny overrides " + allows + " applicable allow(s) (E6).");
        }
    }

    /** E7/E8: identity allows without delegation, delegation without identity allows, a missing side. */
    private static void delegation(Decision d, Evidence e, AuthorizationRequest r, List<String> out) {
        if (d.outcome() != Outcome.IMPLICIT_DENY || e.retireGrant()) {
            return;
        }
        String ca = r.caller().principal().account();
        boolean identity = !e.identity().isEmpty();
        if (d.path() == Path.SAME_ACCOUNT && identity && e.keyAccount().isEmpty()) {
            out.add("Identity policy allow " + e.identity() + " is ineffective: the key policy does not allow account "
                    + ca + " (no delegation, E7).");
        }
        if (d.path() == Path.SAME_ACCOUNT && !identity && !e.keyAccount().isEmpty()) {
            out.add(e.keyAccount() + " delegate to account " + ca + ", but no identity policy of the caller allows "
                    + r.action() + " (E7b).");
        }
        if (d.path() == Path.CROSS_ACCOUNT && e.keyAllows() && !identity) {
            out.add("Cross-account: the key policy allows " + e.keyDirect() + e.keyAccount()
                    + " but no identity policy in account " + ca + " allows " + r.action() + " (E8).");
        }
        if (d.path() == Path.CROSS_ACCOUNT && !e.keyAllows() && identity) {
            out.add("Cross-account: identity policy allows " + e.identity() + " but the key policy of account "
                    + r.key().account() + " does not allow the caller or its account (E8).");
        }
    }

    private static void retire(Evidence e, List<String> out) {
        if (e.retireGrant() && e.keyAllows()) {
            out.add("Key-policy allows for kms:RetireGrant grant nothing " + e.keyDirect() + e.keyAccount() + " (E19).");
        }
    }

    private static void grants(AuthorizationRequest r, List<String> out) {
        for (Grant g : r.grants()) {
            if (!GrantMatcher.visible(g, r)) {
                out.add("Grant " + g.grantId() + " has not propagated yet; present its grant token to use it (E15).");
            }
        }
        for (String token : r.facts().grantTokens()) {
            if (r.grants().stream().noneMatch(g -> token.equals(g.token()))) {
                out.add("A presented grant token matches no grant of this key (E15).");
            }
        }
    }

    /** Conditions decided by an absent key, in deciding statements or in the nearest misses. */
    private static void absentKeys(Decision d, List<PolicyResult> policies, List<String> out) {
        for (PolicyResult p : policies) {
            for (StatementResult s : p.statements()) {
                boolean relevant = d.deciding().contains(s.ref()) || (!s.applies() && s.effect().equals("Allow"));
                for (ConditionResult c : s.conditions()) {
                    if (relevant && c.reason().decidedByAbsentKey() && (s.applies() || !c.result())) {
                        out.add(s.ref() + ": " + StatementTracer.describe(c) + " (decided by an absent key).");
                    }
                }
            }
        }
    }
}
