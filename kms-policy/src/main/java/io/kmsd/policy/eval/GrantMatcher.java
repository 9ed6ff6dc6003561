package io.kmsd.policy.eval;

import io.kmsd.policy.actions.KmsActions;
import io.kmsd.policy.grants.Grant;
import io.kmsd.policy.grants.GrantRequest;
import io.kmsd.policy.grants.GrantState;
import io.kmsd.policy.principal.Principal;
import io.kmsd.policy.request.AuthorizationRequest;
import java.util.ArrayList;
import java.util.List;

/** Grant applicability (key-policy-semantics E12–E16). */
public final class GrantMatcher {
    private GrantMatcher() {
    }

    /** E12: references {@code grant:<id>} of every grant allowing the request. */
    public static List<String> allowing(AuthorizationRequest r, boolean identityAllowed) {
        List<String> out = null;
        for (int i = 0; i < r.grants().size(); i++) {
            Grant g = r.grants().get(i);
            if (firstFailure(g, r, identityAllowed) == null) {
                out = out == null ? new ArrayList<>(2) : out;
                out.add("grant:" + g.grantId());
            }
        }
        return out == null ? List.of() : out;
    }

    /** E12–E15 checks in X4 order; null when the grant applies. */
    public static GrantFailure firstFailure(Grant g, AuthorizationRequest r, boolean identityAllowed) {
        String op = r.action().isKms() ? r.action().operation() : "";
        if (g.state() != GrantState.ACTIVE) {
            return GrantFailure.State;
        }
        if (!visible(g, r)) {
            return GrantFailure.Propagation;
        }
        if (!r.hasKeyResource() || !g.keyArn().equals(r.resource())) {
            return GrantFailure.Key;
        }
        if (!g.operations().contains(op)) {
            return GrantFailure.Operation;
        }
        if (!names(g.granteePrincipal(), r.caller().principal(), identityAllowed)) {
            return GrantFailure.Grantee;
        }
        if (g.constraint() != null && KmsActions.TAKES_ENCRYPTION_CONTEXT.contains(op)
                && !g.constraint().admits(r.facts().encryptionContext())) {
            return GrantFailure.Constraint;
        }
        if (op.equals("CreateGrant") && !childWithin(g, r.facts().grant())) {
            return GrantFailure.ChildGrantTooBroad;
        }
        return null;
    }

    /** E15: a grant that has not propagated counts only when its token is presented. */
    public static boolean visible(Grant g, AuthorizationRequest r) {
        return g.propagated() || (g.token() != null && r.facts().grantTokens().contains(g.token()));
    }

    /**
     * E12 grantee / E16 retiring-principal matching: exact ARN; a role ARN also matches its sessions; an
     * account (id or root ARN) matches its root user, and its other principals when an identity policy allows
     * (A2).
     */
    public static boolean names(String principal, Principal c, boolean identityAllowed) {
        if (principal == null) {
            return false;
        }
        String p = isAccountId(principal) ? "arn:aws:iam::" + principal + ":root" : principal;
        if (p.equals(c.arn()) || p.equals(c.roleArn())) {
            return true;
        }
        return p.equals(c.rootArn()) && (c.isRoot() || identityAllowed);
    }

    private static boolean isAccountId(String s) {
        if (s.length() != 12) {
            return false;
        }
        for (int i = 0; i < 12; i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** E14: a child grant's operations ⊆ the parent's, and its constraint at least as strict. */
    static boolean childWithin(Grant parent, GrantRequest child) {
        if (child == null || !parent.operations().containsAll(child.operations())) {
            return false;
        }
        return parent.constraint() == null || parent.constraint().isNoBroaderThan(child.constraint());
    }

    /** E16: {@code retire:<path>:<grantId>} for each way the caller may retire the target grant. */
    public static List<String> retiring(AuthorizationRequest r, boolean identityAllowed) {
        Grant g = target(r);
        if (g == null || g.state() != GrantState.ACTIVE) {
            return List.of();
        }
        Principal c = r.caller().principal();
        List<String> out = new ArrayList<>(3);
        if (names(g.retiringPrincipal(), c, identityAllowed)) {
            out.add("retire:retiringPrincipal:" + g.grantId());
        }
        if (g.operations().contains("RetireGrant") && names(g.granteePrincipal(), c, identityAllowed)) {
            out.add("retire:grantee:" + g.grantId());
        }
        if (c.account() != null && c.account().equals(g.issuingAccountId()) && (c.isRoot() || identityAllowed)) {
            out.add("retire:issuingAccount:" + g.grantId());
        }
        return out;
    }

    /** The grant a RetireGrant names, by id or by a presented token; null if unknown. */
    public static Grant target(AuthorizationRequest r) {
        String id = r.facts().targetGrantId();
        for (Grant g : r.grants()) {
            boolean byId = id != null && id.equals(g.grantId());
            boolean byToken = id == null && g.token() != null && r.facts().grantTokens().contains(g.token());
            if ((byId || byToken) && (!r.hasKeyResource() || g.keyArn().equals(r.resource()))) {
                return g;
            }
        }
        return null;
    }
}
