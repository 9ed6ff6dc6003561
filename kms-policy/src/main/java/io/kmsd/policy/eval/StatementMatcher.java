package io.kmsd.policy.eval;

import io.kmsd.policy.actions.Action;
import io.kmsd.policy.condition.Condition;
import io.kmsd.policy.condition.RequestContext;
import io.kmsd.policy.document.Statement;
import io.kmsd.policy.principal.Principal;
import io.kmsd.policy.principal.PrincipalMatch;
import io.kmsd.policy.request.AuthorizationRequest;
import java.util.List;

/**
 * Statement applicability (key-policy-semantics E3), element by element in E3 order. The evaluator uses
 * {@link #match}, which stops at the first failing element; the explainer calls the element methods one by one.
 */
public final class StatementMatcher {
    private StatementMatcher() {
    }

    /**
     * How the statement applies: NONE if it does not; for key-policy statements the E4 kind (a Deny only needs
     * "not NONE"); identity-policy statements apply as DIRECT.
     */
    public static PrincipalMatch match(Statement s, boolean keyPolicy, AuthorizationRequest r) {
        if (s.inert()) {
            return PrincipalMatch.NONE;
        }
        PrincipalMatch p = keyPolicy ? principal(s, r.caller().principal()) : PrincipalMatch.DIRECT;
        if (p == PrincipalMatch.NONE || !action(s, r.action()) || !resource(s, r.resource(), r.context())
                || !conditions(s, r.context())) {
            return PrincipalMatch.NONE;
        }
        return p;
    }

    /** E4 for Principal; E5 for NotPrincipal (only in Deny statements): DIRECT = not exempted. */
    public static PrincipalMatch principal(Statement s, Principal caller) {
        if (s.notPrincipal()) {
            return s.principals().exempts(caller) ? PrincipalMatch.NONE : PrincipalMatch.DIRECT;
        }
        return s.principals().match(caller);
    }

    /** G9: an Action pattern matches, or no NotAction pattern does. */
    public static boolean action(Statement s, Action a) {
        return s.actions() != null && s.notAction() != s.actions().matches(a);
    }

    /** G10: a Resource pattern matches, or no NotResource pattern does. */
    public static boolean resource(Statement s, String resource, RequestContext ctx) {
        return s.resources() != null && s.notResource() != s.resources().matches(resource, ctx);
    }

    /** C5: every condition holds. */
    public static boolean conditions(Statement s, RequestContext ctx) {
        List<Condition> cs = s.conditions();
        for (int i = 0; i < cs.size(); i++) {
            if (!cs.get(i).evaluate(ctx).result()) {
                return false;
            }
        }
        return true;
    }
}
