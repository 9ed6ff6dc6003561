package io.kmsd.policy.lint;

import io.kmsd.policy.actions.Action;
import io.kmsd.policy.actions.KmsActions;
import io.kmsd.policy.condition.Condition;
import io.kmsd.policy.document.Statement;
import io.kmsd.policy.principal.PrincipalEntry;
import io.kmsd.policy.template.SeparationOfDuties;
import io.kmsd.policy.template.SeparationOfDuties.Finding;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Separation of duties (D4 SOD-001..005) and administration granted across accounts (E2). */
final class SeparationRules {
    private static final Action PUT_KEY_POLICY = Action.kms("PutKeyPolicy");
    private static final List<String> LIMITING_KEYS = List.of("kms:CallerAccount", "aws:PrincipalOrgID",
            "aws:PrincipalArn", "aws:PrincipalAccount", "aws:PrincipalOrgPaths");

    private final LintContext ctx;

    SeparationRules(LintContext ctx) {
        this.ctx = ctx;
    }

    void run() {
        if (!ctx.keyPolicy()) {
            return;
        }
        List<Finding> holdings = SeparationOfDuties.holdings(ctx.statements, ctx::ref);
        holdings.forEach(this::adminAndUsage);
        new IdentityRules(ctx).run(holdings.stream().filter(h -> !h.administrative().isEmpty() && !h.usage().isEmpty())
                .map(Finding::principal).collect(Collectors.toSet()));
        holdings.forEach(this::escalation);
        for (Statement s : ctx.statements) {
            if (s.isAllow() && !s.inert() && s.principals() != null) {
                fullAccess(s);
                anyone(s);
                crossAccount(s);
            }
        }
        lockout();
    }

    /** SOD-001. */
    private void adminAndUsage(Finding h) {
        if (h.administrative().isEmpty() || h.usage().isEmpty()) {
            return;
        }
        Statement first = statementOf(h.refs().get(0));
        ctx.add(LintRule.SOD_001, first, ctx.pointer(first), principal(h.principal()) + " holds administrative actions ("
                + LintContext.sample(h.administrative(), 4) + ") and usage actions (" + LintContext.sample(h.usage(), 4)
                + ") through " + String.join(", ", h.refs()), "give administrators and users separate principals"
                + " and statements (the console template, D2)");
    }

    /** SOD-004: PutKeyPolicy or an unconditioned CreateGrant lets an administrator grant itself use. */
    private void escalation(Finding h) {
        Set<String> means = new LinkedHashSet<>(h.administrative());
        means.retainAll(Set.of("PutKeyPolicy", "CreateGrant"));
        if (means.isEmpty() || !h.usage().isEmpty()) {
            return;
        }
        Statement first = statementOf(h.refs().get(0));
        ctx.add(LintRule.SOD_004, first, ctx.pointer(first), principal(h.principal()) + " may call "
                + String.join(" and ", means) + ", so it can give itself use of the key", null);
    }

    /** SOD-002: every KMS action to something other than an account principal. */
    private void fullAccess(Statement s) {
        if (!LintContext.operations(s).containsAll(KmsActions.operations())) {
            return;
        }
        List<String> who = s.principals().entries().stream().filter(e -> e.kind() != PrincipalEntry.Kind.ACCOUNT)
                .map(e -> principal(e.value())).toList();
        if (!who.isEmpty()) {
            ctx.add(LintRule.SOD_002, s, ctx.pointer(s, "Action"), "every KMS action (kms:*) is granted to "
                    + String.join(", ", who), "grant only the actions each principal needs");
        }
    }

    /** SOD-003: Principal "*" in an Allow needs a condition naming whose callers. */
    private void anyone(Statement s) {
        boolean star = s.principals().entries().stream().anyMatch(e -> e.kind() == PrincipalEntry.Kind.ANYONE
                || e.kind() == PrincipalEntry.Kind.ANY_AWS);
        if (star && s.conditions().stream().noneMatch(SeparationRules::limitsCallers)) {
            ctx.add(LintRule.SOD_003, s, ctx.pointer(s, "Principal"), "Principal \"*\" lets any AWS account use"
                    + " these actions: nothing limits the callers", "add a condition on kms:CallerAccount,"
                    + " aws:PrincipalOrgID or aws:PrincipalArn");
        }
    }

    private static boolean limitsCallers(Condition c) {
        return !c.operator().negated() && !c.operator().isNull() && !c.operator().ifExists()
                && LIMITING_KEYS.stream().anyMatch(k -> k.equalsIgnoreCase(c.key()));
    }

    /** XACCT-001: outside the E2 list nothing works for a caller of another account. */
    private void crossAccount(Statement s) {
        if (ctx.keyAccount == null) {
            return;
        }
        Set<String> never = LintContext.operations(s);
        never.removeIf(op -> KmsActions.CROSS_ACCOUNT.contains(op) || KmsActions.WITHOUT_KEY_RESOURCE.contains(op));
        Set<String> accounts = new LinkedHashSet<>();
        for (PrincipalEntry e : s.principals().entries()) {
            if (e.account() != null && !e.account().equals(ctx.keyAccount)) {
                accounts.add(e.account());
            }
        }
        if (!never.isEmpty() && !accounts.isEmpty()) {
            ctx.add(LintRule.XACCT_001, s, ctx.pointer(s, "Action"), "account " + String.join(", ", accounts)
                    + " is granted " + LintContext.sample(never, 4) + ", which never work from another account"
                    + " (E2); the key belongs to " + ctx.keyAccount, "grant other accounts only cryptographic"
                    + " operations, DescribeKey, GetPublicKey and the grant operations");
        }
    }

    /** SOD-005: without a principal that may call PutKeyPolicy the policy can never be changed (L2). */
    private void lockout() {
        boolean someone = ctx.statements.stream().anyMatch(s -> s.isAllow() && !s.inert() && s.principals() != null
                && LintContext.covers(s, PUT_KEY_POLICY) && s.principals().entries().stream()
                .anyMatch(e -> e.kind() != PrincipalEntry.Kind.SERVICE && e.kind() != PrincipalEntry.Kind.OTHER));
        Statement denyAll = ctx.statements.stream().filter(s -> !s.isAllow() && appliesToKey(s) && s.conditions().isEmpty()
                && !s.notPrincipal() && s.principals().entries().stream().anyMatch(e -> e.kind() == PrincipalEntry.Kind.ANYONE
                || e.kind() == PrincipalEntry.Kind.ANY_AWS) && LintContext.covers(s, PUT_KEY_POLICY)).findFirst()
                .orElse(null);
        if (!someone || denyAll != null) {
            ctx.add(LintRule.SOD_005, denyAll, denyAll == null ? "" : ctx.pointer(denyAll), (denyAll == null
                    ? "no statement allows kms:PutKeyPolicy to any principal"
                    : ctx.ref(denyAll) + " denies kms:PutKeyPolicy to everyone")
                    + ": nobody could change this policy, and PutKeyPolicy would fail the lockout check (L2)",
                    "allow kms:PutKeyPolicy to the account (arn:aws:iam::" + (ctx.keyAccount == null ? "ACCOUNT"
                    : ctx.keyAccount) + ":root) or to key administrators");
        }
    }

    private boolean appliesToKey(Statement s) {
        return KeyArns.mayApply(s, ctx.options.keyArn());
    }

    private Statement statementOf(String ref) {
        return ctx.statements.stream().filter(s -> ctx.ref(s).equals(ref)).findFirst().orElseThrow();
    }

    private static String principal(String value) {
        return value.equals("*") ? "Principal \"*\"" : value;
    }
}
