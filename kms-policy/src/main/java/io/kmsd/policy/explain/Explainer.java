package io.kmsd.policy.explain;

import io.kmsd.policy.condition.ContextEntry;
import io.kmsd.policy.document.NamedPolicy;
import io.kmsd.policy.document.PolicyDocument;
import io.kmsd.policy.eval.Decision;
import io.kmsd.policy.eval.GrantFailure;
import io.kmsd.policy.eval.GrantMatcher;
import io.kmsd.policy.eval.PolicyCheck;
import io.kmsd.policy.explain.Explanation.ConditionResult;
import io.kmsd.policy.explain.Explanation.ContextItem;
import io.kmsd.policy.explain.Explanation.GuardrailResult;
import io.kmsd.policy.explain.Explanation.MissingKey;
import io.kmsd.policy.explain.Explanation.GrantResult;
import io.kmsd.policy.explain.Explanation.Phase;
import io.kmsd.policy.explain.Explanation.PolicyResult;
import io.kmsd.policy.explain.Explanation.RequestInfo;
import io.kmsd.policy.explain.Explanation.StatementResult;
import io.kmsd.policy.grants.Grant;
import io.kmsd.policy.principal.Principal;
import io.kmsd.policy.request.AuthorizationRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the explanation of a decision (X1–X7) by tracing every statement and grant of its request. Costs far
 * more than the decision itself, so it runs only when asked (CLI, audit details, test failures).
 */
public final class Explainer {
    private Explainer() {
    }

    public static Explanation explain(Decision d) {
        AuthorizationRequest r = d.request();
        boolean blocked = d.evidence().crossAccountBlocked();
        List<PolicyResult> policies = blocked ? List.of() : policies(r);
        List<GrantResult> grants = blocked ? List.of() : grants(d);
        return new Explanation(d.decision(), d.outcome().denyType(), d.path(), d.deciding(), Summary.of(d),
                verdict(d), requestInfo(r), context(r), missing(policies), policies, grants, guardrails(d),
                Notes.of(d, policies), Suggestions.of(d, policies), phases(d));
    }

    /** The AccessDenied (or MalformedPolicyDocument) message a denied request gets; its ALLOW counterpart. */
    static String verdict(Decision d) {
        if (!d.allowed()) {
            return DenialMessages.toException(d).getMessage();
        }
        AuthorizationRequest r = d.request();
        return "User: " + r.caller().principal().arn() + " is authorized to perform: " + r.action() + " on resource: "
                + r.resource() + " by " + String.join(", ", d.deciding());
    }

    /** Keys the request lacked that a condition of a statement otherwise in play asked for. */
    private static List<MissingKey> missing(List<PolicyResult> policies) {
        Map<String, MissingKey> byKey = new LinkedHashMap<>();
        for (PolicyResult p : policies) {
            for (StatementResult s : p.statements()) {
                if (!s.principal().passed() || !s.action().passed() || !s.resource().passed()) {
                    continue;
                }
                for (ConditionResult c : s.conditions()) {
                    if (!c.keyPresent()) {
                        MissingKey m = byKey.computeIfAbsent(c.key().toLowerCase(Locale.ROOT),
                                k -> new MissingKey(c.key(), new ArrayList<>()));
                        if (!m.askedBy().contains(s.ref())) {
                            m.askedBy().add(s.ref());
                        }
                    }
                }
            }
        }
        return byKey.values().stream().map(m -> new MissingKey(m.key(), List.copyOf(m.askedBy()))).toList();
    }

    private static List<GuardrailResult> guardrails(Decision d) {
        return d.guardrails().stream().map(g -> new GuardrailResult(g.policyId(), g.forbids() ? "FORBIDS" : "SILENT",
                g.detail())).toList();
    }

    private static RequestInfo requestInfo(AuthorizationRequest r) {
        Principal c = r.caller().principal();
        return new RequestInfo(c.arn(), c.type().name(), r.action().name(), r.resource(), c.chain());
    }

    private static List<ContextItem> context(AuthorizationRequest r) {
        List<ContextItem> out = new ArrayList<>();
        for (ContextEntry e : r.context().entries()) {
            out.add(new ContextItem(e.key(), e.values(), e.source()));
        }
        return out;
    }

    /** Key policy first, then each identity policy in order. */
    static List<PolicyResult> policies(AuthorizationRequest r) {
        List<PolicyResult> out = new ArrayList<>();
        if (r.hasKeyResource()) {
            out.add(new PolicyResult("keyPolicy", statements(r.key().policy(), null, true, r)));
        }
        for (NamedPolicy p : r.caller().identityPolicies()) {
            out.add(new PolicyResult(p.source(), statements(p.document(), p, false, r)));
        }
        return out;
    }

    private static List<StatementResult> statements(PolicyDocument doc, NamedPolicy named, boolean key,
            AuthorizationRequest r) {
        List<StatementResult> out = new ArrayList<>();
        for (int i = 0; i < doc.statements().size(); i++) {
            String ref = named == null ? doc.ref(i) : named.ref(i);
            out.add(StatementTracer.trace(doc.statements().get(i), ref, key, r));
        }
        return out;
    }

    /** X4; for RetireGrant the target grant with the E16 paths that hold. */
    private static List<GrantResult> grants(Decision d) {
        AuthorizationRequest r = d.request();
        boolean identityAllowed = !d.evidence().identity().isEmpty();
        if (d.evidence().retireGrant()) {
            return retire(d, r);
        }
        List<GrantResult> out = new ArrayList<>();
        for (Grant g : r.grants()) {
            GrantFailure f = GrantMatcher.firstFailure(g, r, identityAllowed);
            out.add(new GrantResult(g.grantId(), f == null ? "APPLIES" : "NOT_APPLICABLE", f, grantDetail(f, g, r)));
        }
        return out;
    }

    private static List<GrantResult> retire(Decision d, AuthorizationRequest r) {
        Grant target = GrantMatcher.target(r);
        if (target == null) {
            return List.of();
        }
        List<String> paths = d.evidence().retire();
        String detail = paths.isEmpty() ? "caller is neither the retiring principal, a grantee with RetireGrant, "
                + "nor an allowed principal of the issuing account (E16)" : "may retire via " + paths;
        return List.of(new GrantResult(target.grantId(), paths.isEmpty() ? "NOT_APPLICABLE" : "APPLIES",
                paths.isEmpty() ? GrantFailure.Grantee : null, detail));
    }

    private static String grantDetail(GrantFailure f, Grant g, AuthorizationRequest r) {
        if (f == null) {
            return "grants " + g.operations() + " to " + g.granteePrincipal();
        }
        return switch (f) {
            case State -> "grant is " + g.state();
            case Propagation -> "grant has not propagated and its token was not presented (E15)";
            case Key -> "grant is for " + g.keyArn() + ", not " + r.resource();
            case Operation -> r.action() + " is not among " + g.operations();
            case Grantee -> "grantee is " + g.granteePrincipal() + ", caller is " + r.caller().principal().arn();
            case Constraint -> "encryption context " + r.facts().encryptionContext() + " does not satisfy "
                    + g.constraint().type() + " " + g.constraint().context();
            case ChildGrantTooBroad -> "the requested grant is broader than this grant allows (E14)";
        };
    }

    /** L4 phases of a policy write. */
    private static List<Phase> phases(Decision d) {
        PolicyCheck pc = d.policyCheck();
        if (pc == null) {
            return List.of();
        }
        List<Phase> out = new ArrayList<>();
        Decision auth = pc.authorization();
        out.add(new Phase("authorization", auth.decision(), auth.outcome().name(), auth.deciding()));
        boolean valid = pc.document() != null;
        out.add(new Phase("validation", valid ? "PASSED" : "FAILED",
                valid ? "the new policy is valid" : pc.error().getMessage(), List.of()));
        if (valid) {
            out.add(lockoutPhase(pc));
        }
        return out;
    }

    private static Phase lockoutPhase(PolicyCheck pc) {
        if (pc.bypassed()) {
            return new Phase("lockout", "BYPASSED", "BypassPolicyLockoutSafetyCheck=true (L3)", List.of());
        }
        Decision sim = pc.lockout();
        return new Phase("lockout", sim.allowed() ? "PASSED" : "FAILED", "simulated kms:PutKeyPolicy under the new "
                + "policy: " + sim.decision() + " " + sim.deciding(), sim.deciding());
    }
}
