package io.kmsd.policy.cedar;

import io.kmsd.policy.actions.Action;
import io.kmsd.policy.actions.KmsActions;
import io.kmsd.policy.condition.Condition;
import io.kmsd.policy.document.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * One key-policy statement as a Cedar policy: Allow → {@code permit}, Deny → {@code forbid}; the actions expanded
 * to the KMS operations they cover (operations without a key resource left out, and for Allow also RetireGrant,
 * which key-policy allows never grant, E19); the resource patterns as segment-exact {@code like} tests; the
 * conditions ({@link ConditionTranslator}); the principal ({@link PrincipalClause}). Null when the statement can
 * never apply (inert, no KMS operation, no matching principal or resource).
 */
final class StatementTranslator {
    private StatementTranslator() {
    }

    static String translate(Statement s, String id) throws Untranslatable {
        if (s.inert()) {
            return null;
        }
        List<String> ops = operations(s);
        String principal = s.isAllow() ? PrincipalClause.allow(s) : PrincipalClause.deny(s);
        String resource = resource(s);
        List<String> when = new ArrayList<>();
        for (String part : List.of(principal, resource)) {
            if (!part.equals("true")) {
                when.add(part);
            }
        }
        for (Condition c : s.conditions()) {
            when.add(ConditionTranslator.translate(c));
        }
        if (ops.isEmpty() || when.contains("false")) {
            return null;
        }
        return "@id(" + CedarText.string(id) + ")\n" + (s.isAllow() ? "permit" : "forbid") + " (\n  principal,\n  action in ["
                + String.join(", ", ops.stream().map(CedarText::action).toList()) + "],\n  resource is Kms::Key\n)"
                + (when.isEmpty() ? "" : "\nwhen {\n  " + String.join("\n  && ", when) + "\n}") + ";\n";
    }

    private static List<String> operations(Statement s) {
        List<String> out = new ArrayList<>();
        for (String op : KmsActions.operations()) {
            boolean covered = s.notAction() != s.actions().matches(Action.kms(op));
            boolean keyResource = !KmsActions.WITHOUT_KEY_RESOURCE.contains(op);
            if (covered && keyResource && !(s.isAllow() && op.equals("RetireGrant"))) {
                out.add(op);
            }
        }
        return out;
    }

    /** G10 against the key ARN, which always has five colons: so has the pattern, else it matches nothing. */
    private static String resource(Statement s) throws Untranslatable {
        List<String> matches = new ArrayList<>();
        for (String p : s.resources().patterns()) {
            if (p.equals("*")) {
                matches.add("true");
            } else if (p.contains("${") || p.indexOf('?') >= 0) {
                throw new Untranslatable("Resource '" + p + "' has a policy variable or '?'");
            } else {
                long colons = p.chars().filter(ch -> ch == ':').count();
                if (colons > 5) {
                    throw new Untranslatable("Resource '" + p + "' has more than five colons");
                }
                matches.add(colons < 5 ? "false" : "resource.arn like " + CedarText.likePattern(p));
            }
        }
        boolean any = matches.contains("true");
        matches.removeIf(m -> m.equals("false") || m.equals("true"));
        String match = any ? "true" : matches.isEmpty() ? "false" : ConditionTranslator.or(matches);
        if (!s.notResource()) {
            return match;
        }
        return match.equals("true") ? "false" : match.equals("false") ? "true" : "!(" + match + ")";
    }
}
