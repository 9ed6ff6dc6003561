package io.kmsd.policy.explain;

import io.kmsd.policy.explain.Explanation.ConditionResult;
import io.kmsd.policy.explain.Explanation.ContextItem;
import io.kmsd.policy.explain.Explanation.GuardrailResult;
import io.kmsd.policy.explain.Explanation.MissingKey;
import io.kmsd.policy.explain.Explanation.GrantResult;
import io.kmsd.policy.explain.Explanation.Phase;
import io.kmsd.policy.explain.Explanation.PolicyResult;
import io.kmsd.policy.explain.Explanation.StatementResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The human form of an explanation (X6), e.g.
 * <pre>
 * DENY (explicit) kms:Decrypt on key/0b6f… by arn:aws:iam::111122223333:user/alice
 *   User: arn:aws:iam::111122223333:user/alice is not authorized to perform: kms:Decrypt on resource: … with an …
 *   deciding: keyPolicy#OnlyThroughRds (Deny)
 *   keyPolicy:
 *     [0] AllowAlice      Allow APPLIES
 *     [1] OnlyThroughRds  Deny  APPLIES  StringNotEquals kms:ViaService: key absent → true
 *   grants: none
 *   context:
 *     aws:PrincipalArn = arn:aws:iam::111122223333:user/alice
 *     …
 *   missing: kms:ViaService (keyPolicy#OnlyThroughRds)
 *   suggestion: …
 *   note: …
 * </pre>
 * Implicit denies show each Allow statement's first failure, its nearest miss (X7), as expected vs actual.
 */
public final class TextRenderer {
    private TextRenderer() {
    }

    public static String render(Explanation x) {
        StringBuilder sb = new StringBuilder();
        sb.append(headline(x)).append('\n');
        sb.append("  ").append(x.verdict()).append('\n');
        sb.append("  deciding: ").append(deciding(x)).append('\n');
        for (PolicyResult p : x.policies()) {
            sb.append("  ").append(p.source()).append(":\n");
            int width = p.statements().stream().mapToInt(s -> label(s).length()).max().orElse(0);
            for (StatementResult s : p.statements()) {
                sb.append("    ").append(statement(s, width)).append('\n');
            }
        }
        sb.append("  grants:").append(x.grants().isEmpty() ? " none" : "").append('\n');
        for (GrantResult g : x.grants()) {
            sb.append("    ").append(g.grantId()).append(' ').append(g.result())
                    .append(g.firstFailure() == null ? "" : " (" + g.firstFailure() + ")")
                    .append("  ").append(g.detail()).append('\n');
        }
        for (GuardrailResult g : x.guardrails()) {
            sb.append("  guardrail ").append(g.policyId()).append(' ').append(g.result())
                    .append(g.detail().isEmpty() ? "" : "  " + g.detail()).append('\n');
        }
        for (Phase ph : x.phases()) {
            sb.append("  phase ").append(ph.name()).append(": ").append(ph.result()).append("  ")
                    .append(ph.detail()).append('\n');
        }
        context(x, sb);
        for (String sg : x.suggestions()) {
            sb.append("  suggestion: ").append(sg).append('\n');
        }
        for (String n : x.notes()) {
            sb.append("  note: ").append(n).append('\n');
        }
        return sb.toString();
    }

    /** The request's context keys, then the keys conditions asked for that it lacked. */
    private static void context(Explanation x, StringBuilder sb) {
        sb.append("  context:").append(x.context().isEmpty() ? " none" : "").append('\n');
        for (ContextItem c : x.context()) {
            sb.append("    ").append(c.key()).append(" = ").append(c.values().size() == 1 ? c.values().get(0)
                    : c.values().toString()).append('\n');
        }
        if (!x.missing().isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (MissingKey m : x.missing()) {
                parts.add(m.key() + " (" + String.join(", ", m.askedBy()) + ")");
            }
            sb.append("  missing: ").append(String.join("; ", parts)).append('\n');
        }
    }

    private static String headline(Explanation x) {
        String type = x.denyType() == null ? "" : " (" + x.denyType().toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
        return x.decision() + type + " " + x.request().action() + " on " + shortResource(x.request().resource())
                + " by " + x.request().caller();
    }

    /** {@code key/<id>} for a key ARN; anything else as is. */
    public static String shortResource(String resource) {
        int colons = 0;
        for (int i = 0; i < resource.length(); i++) {
            if (resource.charAt(i) == ':' && ++colons == 5) {
                return resource.substring(i + 1);
            }
        }
        return resource;
    }

    private static String deciding(Explanation x) {
        List<String> parts = new ArrayList<>();
        for (String ref : x.deciding()) {
            String effect = effectOf(x, ref);
            parts.add(effect == null ? ref : ref + " (" + effect + ")");
        }
        return String.join(", ", parts);
    }

    private static String effectOf(Explanation x, String ref) {
        for (PolicyResult p : x.policies()) {
            for (StatementResult s : p.statements()) {
                if (s.ref().equals(ref)) {
                    return s.effect();
                }
            }
        }
        return null;
    }

    private static String label(StatementResult s) {
        return "[" + s.index() + "] " + (s.sid() == null || s.sid().isEmpty() ? "(no Sid)" : s.sid());
    }

    private static String statement(StatementResult s, int width) {
        String head = String.format("%-" + width + "s  %-5s %s", label(s), s.effect(), s.result());
        String detail = detail(s);
        return detail.isEmpty() ? head : head + "  " + detail;
    }

    private static String detail(StatementResult s) {
        if (s.firstFailure() != null) {
            return s.firstFailure().element() + ": " + s.firstFailure().detail();
        }
        List<String> cs = new ArrayList<>();
        for (ConditionResult c : s.conditions()) {
            cs.add(StatementTracer.describe(c));
        }
        return String.join("; ", cs);
    }
}
