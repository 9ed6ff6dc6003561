package io.kmsd.policy.lint;

import io.kmsd.policy.actions.ActionClass;
import io.kmsd.policy.actions.KmsActions;
import io.kmsd.policy.document.NamedPolicy;
import io.kmsd.policy.document.Statement;
import io.kmsd.policy.principal.PrincipalEntry;
import io.kmsd.policy.template.SeparationOfDuties;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * D4 with {@code --with-identity}: SOD-001 for a user or role whose actions on the key — key-policy Allows naming
 * it, plus the identity-policy Allows its account's delegation lets through (key-policy-semantics E7b: a key-policy
 * Allow to the account principal, which caps the actions) less what its identity policies surely deny (E6) — hold
 * both administrative and usage actions (from another account only the E2 operations count, E8). A principal the
 * key policy alone already gives both is reported once, by {@link SeparationRules}. As there, conditions other
 * than kms:ViaService and GrantIsForAWSResource are not weighed, and only unconditioned identity Denies on the key
 * remove actions; Principal "*" statements are not attributed to the identities.
 */
final class IdentityRules {
    private final LintContext ctx;
    private final List<Statement> allows;

    IdentityRules(LintContext ctx) {
        this.ctx = ctx;
        this.allows = ctx.statements.stream().filter(s -> s.isAllow() && !s.inert() && s.principals() != null
                && !SeparationOfDuties.serviceRestricted(s)).toList();
    }

    /** {@code reported}: the principals the key policy alone already gives both kinds of action. */
    void run(Set<String> reported) {
        for (LintIdentity id : ctx.identities) {
            Holding h = holding(id);
            if (!reported.contains(id.arn()) && !h.admin.isEmpty() && !h.usage.isEmpty()) {
                report(id, h);
            }
        }
    }

    private Holding holding(LintIdentity id) {
        Holding h = new Holding();
        for (Statement s : allows) {
            if (names(s, id.arn())) {
                h.add(s, ctx.ref(s), SeparationOfDuties.forAwsResourceOnly(s), null);
            }
        }
        Map<String, List<Statement>> delegated = delegated(id.account());
        for (NamedPolicy p : id.policies()) {
            for (Statement s : p.document().statements()) {
                if (s.isAllow() && KeyArns.mayApply(s, ctx.options.keyArn())
                        && !SeparationOfDuties.serviceRestricted(s)) {
                    h.add(s, p.ref(s.index()), SeparationOfDuties.forAwsResourceOnly(s), delegated);
                }
            }
        }
        id.policies().forEach(p -> p.document().statements().stream().filter(this::surelyDenies)
                .forEach(s -> h.remove(LintContext.operations(s))));
        if (crossAccount(id)) {
            h.keepOnly(KmsActions.CROSS_ACCOUNT); // E2: the rest never works from another account
        }
        return h;
    }

    private boolean crossAccount(LintIdentity id) {
        return ctx.keyAccount != null && !ctx.keyAccount.equals(id.account());
    }

    private static boolean names(Statement s, String arn) {
        return s.principals().entries().stream().anyMatch(e -> e.kind() != PrincipalEntry.Kind.ACCOUNT
                && e.value().equals(arn));
    }

    /** E7b: each action the key policy delegates to the account's IAM, with the statements delegating it. */
    private Map<String, List<Statement>> delegated(String account) {
        Map<String, List<Statement>> out = new LinkedHashMap<>();
        for (Statement s : allows) {
            if (s.principals().entries().stream().anyMatch(e -> e.kind() == PrincipalEntry.Kind.ACCOUNT
                    && account.equals(e.account()))) {
                LintContext.operations(s).forEach(op -> out.computeIfAbsent(op, k -> new ArrayList<>()).add(s));
            }
        }
        return out;
    }

    /** E6: an unconditioned identity-policy Deny on the key removes its actions, whatever allows them. */
    private boolean surelyDenies(Statement s) {
        return !s.isAllow() && s.conditions().isEmpty() && KeyArns.surelyApplies(s, ctx.options.keyArn());
    }

    private void report(LintIdentity id, Holding h) {
        List<String> refs = h.refs();
        Statement first = ctx.statements.stream().filter(s -> refs.contains(ctx.ref(s))).findFirst().orElseThrow();
        ctx.add(LintRule.SOD_001, first, ctx.pointer(first), id.arn() + " holds administrative actions ("
                + LintContext.sample(h.admin.keySet(), 4) + ") and usage actions ("
                + LintContext.sample(h.usage.keySet(), 4) + ") through " + String.join(", ", refs)
                + " (the key policy with its identity policies, " + (crossAccount(id) ? "E8)" : "E7)"),
                "give administrators and users separate principals, or narrow the identity policies or what the key"
                + " policy delegates to the account");
    }

    /** What one principal is given: each administrative and usage action with the statements giving it. */
    private final class Holding {
        final Map<String, Set<String>> admin = new TreeMap<>();
        final Map<String, Set<String>> usage = new TreeMap<>();
        final List<String> order = new ArrayList<>();

        void add(Statement s, String ref, boolean delegateOnly, Map<String, List<Statement>> delegated) {
            for (String op : LintContext.operations(s)) {
                List<Statement> via = delegated == null ? List.of() : delegated.getOrDefault(op, List.of());
                if (delegated != null && via.isEmpty()) {
                    continue;
                }
                boolean onlyForAws = delegateOnly || !via.isEmpty()
                        && via.stream().allMatch(SeparationOfDuties::forAwsResourceOnly);
                put(KmsActions.classify(op, onlyForAws), op, ref, via);
            }
        }

        private void put(ActionClass c, String op, String ref, List<Statement> via) {
            if (!c.isAdministrative() && !c.isUsage()) {
                return;
            }
            Set<String> refs = (c.isUsage() ? usage : admin).computeIfAbsent(op, k -> new LinkedHashSet<>());
            via.forEach(s -> refs.add(ctx.ref(s)));
            refs.add(ref);
            refs.forEach(r -> {
                if (!order.contains(r)) {
                    order.add(r);
                }
            });
        }

        void remove(Set<String> ops) {
            admin.keySet().removeAll(ops);
            usage.keySet().removeAll(ops);
        }

        void keepOnly(Set<String> ops) {
            admin.keySet().retainAll(ops);
            usage.keySet().retainAll(ops);
        }

        /** The statements behind the remaining actions: key policy first, each source in document order. */
        List<String> refs() {
            Set<String> used = new LinkedHashSet<>();
            admin.values().forEach(used::addAll);
            usage.values().forEach(used::addAll);
            List<String> keyPolicy = ctx.statements.stream().map(ctx::ref).filter(used::contains).toList();
            List<String> out = new ArrayList<>(keyPolicy);
            order.stream().filter(r -> used.contains(r) && !keyPolicy.contains(r)).forEach(out::add);
            return out;
        }
    }
}
