package io.kmsd.policy.template;

import io.kmsd.policy.actions.Action;
import io.kmsd.policy.actions.ActionClass;
import io.kmsd.policy.actions.KmsActions;
import io.kmsd.policy.condition.BaseOperator;
import io.kmsd.policy.condition.Condition;
import io.kmsd.policy.document.PolicyDocument;
import io.kmsd.policy.document.Statement;
import io.kmsd.policy.principal.PrincipalEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The separation-of-duties check (key-policy-semantics D3, D4 SOD-001): Allow statements are expanded to
 * concrete KMS actions (wildcards and NotAction included), classified per D3, and every principal entry other
 * than an account principal that ends up with both an administrative and a usage action is reported. Statements
 * restricted to an integrated service ({@code kms:ViaService}) do not count.
 */
public final class SeparationOfDuties {
    private SeparationOfDuties() {
    }

    /** One principal holding both kinds of action, with the statements that give them. */
    public record Finding(String principal, Set<String> administrative, Set<String> usage, List<String> refs) {
    }

    /** The statement references (E20) involved in any violation, in document order. */
    public static List<String> violations(PolicyDocument doc) {
        Set<String> refs = new LinkedHashSet<>();
        findings(doc).forEach(f -> refs.addAll(f.refs()));
        List<String> ordered = new ArrayList<>();
        doc.refs().stream().filter(refs::contains).forEach(ordered::add);
        return ordered;
    }

    public static List<Finding> findings(PolicyDocument doc) {
        return holdings(doc.statements(), s -> doc.ref(s.index())).stream()
                .filter(h -> !h.administrative().isEmpty() && !h.usage().isEmpty()).toList();
    }

    /**
     * What each principal entry other than an account principal is given by the Allow statements (D3 classes,
     * statements restricted to an integrated service left out), whether or not it is a violation.
     */
    public static List<Finding> holdings(List<Statement> statements, Function<Statement, String> ref) {
        Map<String, Holdings> byPrincipal = new LinkedHashMap<>();
        for (Statement s : statements) {
            if (!s.isAllow() || s.inert() || s.principals() == null || serviceRestricted(s)) {
                continue;
            }
            for (PrincipalEntry e : s.principals().entries()) {
                if (e.kind() != PrincipalEntry.Kind.ACCOUNT) {
                    byPrincipal.computeIfAbsent(e.value(), k -> new Holdings()).add(s, ref.apply(s));
                }
            }
        }
        List<Finding> out = new ArrayList<>();
        byPrincipal.forEach((p, h) -> out.add(new Finding(p, h.admin, h.usage, List.copyOf(h.refs))));
        return out;
    }

    /** A positive kms:ViaService condition limits the statement to calls through an integrated service. */
    public static boolean serviceRestricted(Statement s) {
        for (Condition c : s.conditions()) {
            BaseOperator op = c.operator().base();
            boolean positive = op == BaseOperator.StringEquals || op == BaseOperator.StringLike;
            if (positive && !c.operator().ifExists() && c.key().equalsIgnoreCase("kms:ViaService")) {
                return true;
            }
        }
        return false;
    }

    /** D3: CreateGrant/ListGrants/RevokeGrant are delegation only with GrantIsForAWSResource=true. */
    public static boolean forAwsResourceOnly(Statement s) {
        for (Condition c : s.conditions()) {
            if (c.operator().base() == BaseOperator.Bool && !c.operator().ifExists()
                    && c.key().equalsIgnoreCase("kms:GrantIsForAWSResource")
                    && c.values().texts().stream().allMatch("true"::equalsIgnoreCase)) {
                return true;
            }
        }
        return false;
    }

    /** What one principal is given across statements. */
    private static final class Holdings {
        final Set<String> admin = new TreeSet<>();
        final Set<String> usage = new TreeSet<>();
        final Set<String> refs = new LinkedHashSet<>();

        void add(Statement s, String ref) {
            boolean delegateOnly = forAwsResourceOnly(s);
            for (String op : KmsActions.operations()) {
                if (s.notAction() == s.actions().matches(Action.kms(op))) {
                    continue;
                }
                ActionClass c = KmsActions.classify(op, delegateOnly);
                if (c.isAdministrative() || c.isUsage()) {
                    (c.isUsage() ? usage : admin).add(op);
                    refs.add(ref);
                }
            }
        }
    }
}
