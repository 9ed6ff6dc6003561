package io.kmsd.policy.lint;

import io.kmsd.policy.actions.KmsActions;
import io.kmsd.policy.condition.Glob;
import io.kmsd.policy.document.Statement;
import io.kmsd.policy.principal.PrincipalEntry;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Rules about single elements: actions, resources, principals, inert statements and Sids. */
final class StatementRules {
    private final LintContext ctx;

    StatementRules(LintContext ctx) {
        this.ctx = ctx;
    }

    void run() {
        for (Statement s : ctx.statements) {
            inert(s);
            actions(s);
            resources(s);
            principals(s);
            new ConditionRules(ctx, s).run();
        }
        duplicateSids();
    }

    /** G9, G10, A16: without Action or Resource a key-policy statement never applies. */
    private void inert(Statement s) {
        if (!ctx.keyPolicy() || !s.inert()) {
            return;
        }
        String missing = s.actions() == null ? "Action or NotAction" : "Resource or NotResource";
        ctx.add(LintRule.NEVER_001, s, ctx.pointer(s), "the statement has no " + missing + ", so it never applies",
                "add \"" + (s.actions() == null ? "Action" : "Resource") + "\"" + (s.actions() == null ? ""
                        : ": \"*\" (in a key policy \"*\" is this key)"));
    }

    private void actions(Statement s) {
        if (s.actions() == null) {
            return;
        }
        List<String> patterns = s.actions().patterns();
        int dead = 0;
        for (int i = 0; i < patterns.size(); i++) {
            dead += action(s, patterns.get(i), ctx.valuePointer(s, s.notAction() ? "NotAction" : "Action", i)) ? 1 : 0;
        }
        if (s.isAllow() && !s.notAction() && patterns.stream().anyMatch(p -> p.equalsIgnoreCase("kms:RetireGrant"))
                && ctx.keyPolicy()) {
            ctx.add(LintRule.NEVER_003, s, ctx.pointer(s, "Action"), "a key-policy allow of kms:RetireGrant grants"
                    + " nothing: retiring is allowed by the grant itself (E16, E19)",
                    "name the retiring principal in the grant instead");
        }
        if (dead == patterns.size() && !s.notAction() && ctx.keyPolicy()) {
            ctx.add(LintRule.NEVER_001, s, ctx.pointer(s, "Action"), "no action of the statement is a KMS action,"
                    + " so it never applies", null);
        }
    }

    /** ACT-001 / ACT-002; true when the pattern matches no KMS action. */
    private boolean action(Statement s, String pattern, String pointer) {
        if (pattern.equals("*")) {
            return false;
        }
        String service = pattern.substring(0, pattern.indexOf(':'));
        String name = pattern.substring(pattern.indexOf(':') + 1);
        if (!service.equalsIgnoreCase("kms")) {
            if (ctx.keyPolicy()) {
                ctx.add(LintRule.ACT_002, s, pointer, "'" + pattern + "' is not a KMS action and matches nothing"
                        + " in a key policy", "remove it");
            }
            return true;
        }
        Glob g = Glob.compile(name.toLowerCase(Locale.ROOT), true, false);
        if (KmsActions.operations().stream().anyMatch(op -> g.matches(op.toLowerCase(Locale.ROOT), null))) {
            return false;
        }
        String near = Suggestions.closest(name, KmsActions.operations());
        ctx.add(LintRule.ACT_001, s, pointer, "'" + pattern + "' matches no KMS action",
                near == null ? "see the KMS actions list" : "did you mean kms:" + near + "?");
        return true;
    }

    /** NEVER-002: a Resource that cannot match a KMS key ARN (G10: in a key policy "*" is this key). */
    private void resources(Statement s) {
        if (s.resources() == null || !ctx.keyPolicy()) {
            return;
        }
        List<String> patterns = s.resources().patterns();
        boolean none = patterns.stream().noneMatch(p -> KeyArns.mayMatch(p, ctx.options.keyArn()));
        if (s.notResource() && patterns.contains("*")) {
            ctx.add(LintRule.NEVER_002, s, ctx.pointer(s, "NotResource"), "NotResource \"*\" excludes the key,"
                    + " so the statement never applies", "use \"Resource\": \"*\"");
        } else if (!s.notResource() && none) {
            ctx.add(LintRule.NEVER_002, s, ctx.pointer(s, "Resource"), "no Resource value can match "
                    + (ctx.options.keyArn() == null ? "a KMS key ARN" : ctx.options.keyArn())
                    + ", so the statement never applies", "in a key policy write \"Resource\": \"*\" (this key)");
        }
    }

    private void principals(Statement s) {
        if (s.principals() == null) {
            return;
        }
        if (s.notPrincipal()) {
            ctx.add(LintRule.PRIN_002, s, ctx.pointer(s, "NotPrincipal"), "NotPrincipal exempts a caller only when"
                    + " its account, role and session are all listed (E5); AWS advises against it (A18)",
                    "use \"Principal\": \"*\" with {\"ArnNotEquals\": {\"aws:PrincipalArn\": [...]}}");
        }
        for (PrincipalEntry e : s.principals().entries()) {
            if (e.kind() == PrincipalEntry.Kind.OTHER) {
                ctx.add(LintRule.PRIN_003, s, ctx.pointer(s, s.notPrincipal() ? "NotPrincipal" : "Principal"),
                        "'" + e.value() + "' never matches a KMS caller (G7)", "name an AWS account, user or role");
            }
        }
    }

    /** A8: duplicate Sids are accepted in key policies but make references ambiguous. */
    private void duplicateSids() {
        Map<String, Statement> seen = new HashMap<>();
        for (Statement s : ctx.statements) {
            if (s.sid() == null || s.sid().isEmpty()) {
                continue;
            }
            Statement first = seen.putIfAbsent(s.sid(), s);
            if (first != null) {
                ctx.add(LintRule.SID_001, s, ctx.pointer(s, "Sid"), "Sid \"" + s.sid() + "\" is also the Sid of"
                        + " statement [" + first.index() + "], so " + ctx.ref(s) + " names two statements",
                        "give each statement its own Sid");
            }
        }
    }
}
