package io.kmsd.policy.explain;

import io.kmsd.policy.actions.Action;
import io.kmsd.policy.condition.Condition;
import io.kmsd.policy.condition.ContextEntry;
import io.kmsd.policy.condition.Reason;
import io.kmsd.policy.condition.RequestContext;
import io.kmsd.policy.condition.Verdict;
import io.kmsd.policy.document.Statement;
import io.kmsd.policy.eval.StatementMatcher;
import io.kmsd.policy.explain.Explanation.ConditionResult;
import io.kmsd.policy.explain.Explanation.ElementResult;
import io.kmsd.policy.explain.Explanation.Failure;
import io.kmsd.policy.explain.Explanation.StatementResult;
import io.kmsd.policy.principal.Principal;
import io.kmsd.policy.principal.PrincipalMatch;
import io.kmsd.policy.request.AuthorizationRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates every element of a statement for the explanation (X2): unlike the evaluator it does not stop at the
 * first failure, but it calls the same element checks so the two cannot disagree.
 */
final class StatementTracer {
    private StatementTracer() {
    }

    static StatementResult trace(Statement s, String ref, boolean keyPolicy, AuthorizationRequest r) {
        ElementResult principal = keyPolicy ? principal(s, r.caller().principal())
                : new ElementResult("N/A", null, true);
        ElementResult action = action(s, r.action());
        ElementResult resource = resource(s, r.resource(), r.context());
        List<ConditionResult> conditions = new ArrayList<>();
        for (Condition c : s.conditions()) {
            conditions.add(condition(c, r.context()));
        }
        Failure first = firstFailure(s, r, principal, action, resource, conditions);
        String result = s.inert() ? "INERT" : first == null ? "APPLIES" : "NOT_APPLICABLE";
        return new StatementResult(ref, s.index(), s.sid(), s.effect().name(), result, principal, action, resource,
                conditions, first);
    }

    private static ElementResult principal(Statement s, Principal c) {
        PrincipalMatch m = StatementMatcher.principal(s, c);
        if (s.notPrincipal()) {
            return m == PrincipalMatch.NONE ? new ElementResult("EXCLUDED", s.principals().toString(), false)
                    : new ElementResult("NOT_EXCLUDED", String.join(", ", s.principals().unlisted(c)), true);
        }
        return m == PrincipalMatch.NONE ? new ElementResult("NO_MATCH", null, false)
                : new ElementResult(m.name(), s.principals().matchedEntry(c), true);
    }

    private static ElementResult action(Statement s, Action a) {
        if (s.actions() == null) {
            return new ElementResult("MISSING", null, false);
        }
        String p = s.actions().matchedPattern(a);
        boolean passed = StatementMatcher.action(s, a);
        if (s.notAction()) {
            return new ElementResult(p == null ? "NOT_LISTED" : "LISTED", p, passed);
        }
        return new ElementResult(p == null ? "NO_MATCH" : "MATCH", p, passed);
    }

    private static ElementResult resource(Statement s, String resource, RequestContext ctx) {
        if (s.resources() == null) {
            return new ElementResult("MISSING", null, false);
        }
        String p = s.resources().matchedPattern(resource, ctx);
        boolean passed = StatementMatcher.resource(s, resource, ctx);
        if (s.notResource()) {
            return new ElementResult(p == null ? "NOT_LISTED" : "LISTED", p, passed);
        }
        return new ElementResult(p == null ? "NO_MATCH" : "MATCH", p, passed);
    }

    static ConditionResult condition(Condition c, RequestContext ctx) {
        Verdict v = c.evaluate(ctx);
        ContextEntry e = ctx.lookup(c.key());
        return new ConditionResult(c.operator().name(), c.key(), c.values().texts(), c.values().resolved(ctx),
                e == null ? null : e.values(), e != null, v.result(), v.reason());
    }

    /** X2: the first failing element in E3 order, conditions in document order; expected vs actual. */
    private static Failure firstFailure(Statement s, AuthorizationRequest r, ElementResult principal,
            ElementResult action, ElementResult resource, List<ConditionResult> conditions) {
        Principal c = r.caller().principal();
        if (!principal.passed()) {
            return s.notPrincipal() ? new Failure("NotPrincipal", "a caller not wholly listed in " + s.principals(),
                    "every element of the caller chain " + c.chain() + " is listed")
                    : new Failure("Principal", "one of " + s.principals(), c.arn());
        }
        if (!action.passed()) {
            return s.actions() == null ? inert("Action")
                    : s.notAction() ? new Failure("NotAction", "an action not in " + s.actions().patterns(),
                    r.action() + " (listed as " + action.matched() + ")")
                    : new Failure("Action", "one of " + s.actions().patterns(), r.action().name());
        }
        if (!resource.passed()) {
            return s.resources() == null ? inert("Resource")
                    : s.notResource() ? new Failure("NotResource", "a resource not in " + s.resources().patterns(),
                    r.resource() + " (listed as " + resource.matched() + ")")
                    : new Failure("Resource", "one of " + s.resources().patterns(), r.resource());
        }
        for (ConditionResult cr : conditions) {
            if (!cr.result()) {
                return new Failure("Condition", expected(cr), cr.requestValues() == null ? "key absent"
                        : String.join(", ", cr.requestValues()), describe(cr));
            }
        }
        return null;
    }

    private static Failure inert(String element) {
        return new Failure(element, "an " + element + " or Not" + element + " element", "none",
                "no " + element + " element: the statement is inert");
    }

    private static String expected(ConditionResult c) {
        if (c.operator().equals("Null")) {
            return "Null " + c.key() + " " + c.policyValues();
        }
        return c.operator() + " " + c.key() + " " + c.resolvedPolicyValues();
    }

    /** X6 condition text, e.g. {@code StringNotEquals kms:ViaService: key absent → true}. */
    static String describe(ConditionResult c) {
        return c.operator() + " " + c.key() + ": " + reasonText(c) + " → " + c.result();
    }

    private static String reasonText(ConditionResult c) {
        Reason r = c.reason();
        String req = c.requestValues() == null ? "" : c.requestValues().size() == 1
                ? "'" + c.requestValues().get(0) + "'" : c.requestValues().toString();
        return switch (r) {
            case KEY_ABSENT, KEY_ABSENT_NEGATED_TRUE -> "key absent";
            case KEY_ABSENT_IFEXISTS_TRUE -> "key absent (IfExists)";
            case EMPTY_SET_FORALL_TRUE -> "no request values (ForAllValues)";
            case EMPTY_SET_FORANY_FALSE -> "no request values (ForAnyValue)";
            case MATCHED -> c.operator().equals("Null") ? "key " + (c.keyPresent() ? "present" : "absent")
                    : req + " matches " + c.resolvedPolicyValues();
            case NO_VALUE_MATCHED -> c.operator().equals("Null") ? "key " + (c.keyPresent() ? "present" : "absent")
                    : req + " vs " + c.resolvedPolicyValues() + ": no value matched";
            case VARIABLE_UNRESOLVED -> req + " vs " + c.policyValues() + ": policy variable unresolved";
            case TYPE_MISMATCH -> req + " is not a value of this operator's type";
            case MULTIVALUED_WITHOUT_SET_OPERATOR -> "multivalued key " + req + " needs ForAllValues/ForAnyValue";
        };
    }
}
