package io.kmsd.policy.lint;

import io.kmsd.policy.condition.BaseOperator;
import io.kmsd.policy.condition.Cidr;
import io.kmsd.policy.condition.Condition;
import io.kmsd.policy.condition.ConditionKeys;
import io.kmsd.policy.condition.ConditionOperator.SetQualifier;
import io.kmsd.policy.condition.PolicyDates;
import io.kmsd.policy.document.Statement;
import java.math.BigDecimal;
import java.util.Base64;

/** Rules about one statement's conditions: unknown keys (G11), set operators (C10, A7) and dead values. */
final class ConditionRules {
    private final LintContext ctx;
    private final Statement s;

    ConditionRules(LintContext ctx, Statement s) {
        this.ctx = ctx;
        this.s = s;
    }

    void run() {
        for (Condition c : s.conditions()) {
            String pointer = ctx.pointer(s, "Condition", c.operator().name(), c.key());
            if (!ConditionKeys.isKnown(c.key())) {
                unknownKey(c, pointer);
            } else {
                setOperators(c, pointer);
            }
            deadValues(c, pointer);
        }
    }

    /** G11: accepted, never present in a request, so positive operators never hold. */
    private void unknownKey(Condition c, String pointer) {
        String near = nearPrefix(c.key());
        near = near != null ? near : Suggestions.closest(c.key(), ConditionKeys.names());
        String effect = c.operator().negated() || c.operator().ifExists() || c.operator().isNull()
                || c.operator().qualifier() == SetQualifier.FOR_ALL_VALUES ? "always holds" : "never holds";
        ctx.add(LintRule.KEY_001, s, pointer, "'" + c.key() + "' is not a condition key of KMS requests: it is"
                + " always absent, so " + c.operator() + " " + effect, near == null ? null : "did you mean " + near + "?");
    }

    /** {@code kms:EncryptonContext:app} → {@code kms:EncryptionContext:app}: a misspelt prefix, same variable part. */
    private static String nearPrefix(String key) {
        for (String prefix : ConditionKeys.prefixes()) {
            char sep = prefix.charAt(prefix.length() - 1);
            int cut = key.lastIndexOf(sep);
            if (cut > 0 && cut < key.length() - 1
                    && Suggestions.distance(key.substring(0, cut + 1).toLowerCase(), prefix.toLowerCase()) <= 2) {
                return prefix + key.substring(cut + 1);
            }
        }
        return null;
    }

    /** C10 (single-valued key under a set operator) and A7 (multivalued key without one). */
    private void setOperators(Condition c, String pointer) {
        boolean multi = ConditionKeys.isMultivalued(c.key());
        boolean set = c.operator().qualifier() != SetQualifier.NONE;
        if (set && !multi) {
            ctx.add(LintRule.COND_001, s, pointer, c.key() + " is single-valued; " + c.operator() + " treats it as a"
                    + " one-element set" + (c.operator().qualifier() == SetQualifier.FOR_ALL_VALUES
                    ? " and also holds when the key is absent" : ""), "use " + c.operator().base()
                    + (c.operator().ifExists() ? "IfExists" : ""));
        } else if (!set && multi && !c.operator().isNull()) {
            ctx.add(LintRule.COND_002, s, pointer, c.key() + " is multivalued; without ForAllValues/ForAnyValue "
                    + c.operator() + " never matches when the key is present (A7)",
                    "use ForAnyValue:" + c.operator() + " or ForAllValues:" + c.operator());
        }
    }

    /** C4, C8, C13, C14: values that are not numbers, dates, CIDRs, booleans or base64 never match. */
    private void deadValues(Condition c, String pointer) {
        BaseOperator.Family f = c.operator().base().family();
        for (String v : c.values().texts()) {
            String why = switch (f) {
                case NUMERIC -> number(v) ? null : "is not a number";
                case DATE -> PolicyDates.parse(v) != null ? null : "is not a date (ISO 8601 or epoch seconds)";
                case IP -> Cidr.parse(v) != null ? null : "is not an IP address or CIDR block";
                case BOOL, NULL -> v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false") || v.contains("${")
                        ? null : "is not true or false";
                case BINARY -> base64(v) ? null : "is not base64";
                default -> null;
            };
            if (why != null) {
                ctx.add(LintRule.COND_003, s, pointer, c.operator() + " " + c.key() + ": '" + v + "' " + why
                        + ", so it never matches", null);
            }
        }
    }

    private static boolean number(String v) {
        try {
            new BigDecimal(v.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean base64(String v) {
        try {
            Base64.getDecoder().decode(v);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
