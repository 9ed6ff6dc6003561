package io.kmsd.policy.cedar;

import io.kmsd.policy.condition.BaseOperator;
import io.kmsd.policy.condition.Cidr;
import io.kmsd.policy.condition.Condition;
import io.kmsd.policy.condition.ConditionKeys;
import io.kmsd.policy.condition.ConditionOperator.SetQualifier;
import io.kmsd.policy.condition.RequestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One condition (key-policy-semantics C2–C13) as a Cedar expression over the request as {@link CedarRequest}
 * builds it: single-valued keys are tags of {@code context.request}, the four multivalued keys typed sets,
 * {@code aws:SourceIp} an {@code ipaddr}. Every tag and optional attribute is tested before it is read, so the
 * expression never errors. Outside the translatable subset it throws {@link Untranslatable}: case-insensitive,
 * numeric, date and binary operators, {@code ?} wildcards, policy variables other than a whole value of a
 * StringEquals-family operator, ARN operators on keys other than {@code aws:PrincipalArn}, and set operators other
 * than the StringEquals family on the multivalued keys.
 */
final class ConditionTranslator {
    private static final String R = "context.request";
    private static final Map<String, String> SETS = Map.of("kms:encryptioncontextkeys", "encryptionContextKeys",
            "kms:grantoperations", "grantOperations", "kms:resourcealiases", "resourceAliases", "aws:tagkeys", "tagKeys");
    private static final Pattern WHOLE_VARIABLE = Pattern.compile("\\$\\{([^},*?$]+)}");
    private static final Pattern ADDRESS = Pattern.compile("[0-9a-fA-F.:]+(/\\d{1,3})?");

    private ConditionTranslator() {
    }

    static String translate(Condition c) throws Untranslatable {
        String key = c.key().toLowerCase(Locale.ROOT);
        if (ConditionKeys.isMultivalued(c.key())) {
            return multivalued(c, key);
        }
        if (c.operator().isNull()) {
            return nullCheck(c, present(key));
        }
        return single(c, key);
    }

    /** C13: {@code true} — the key is absent; {@code false} — present; anything else never holds. */
    private static String nullCheck(Condition c, String present) {
        List<String> alternatives = new ArrayList<>();
        for (String v : c.values().texts()) {
            alternatives.add(v.equalsIgnoreCase("true") ? "!" + present : v.equalsIgnoreCase("false") ? present : "false");
        }
        return or(alternatives);
    }

    /** C2, C7, C9, C10 on a single-valued key; {@code has} is its presence, {@code op} the (negated) match. */
    private static String single(Condition c, String key) throws Untranslatable {
        boolean ip = c.operator().base().family() == BaseOperator.Family.IP;
        String has = ip ? sourceIpPresent(key) : present(key);
        String value = ip ? "context.sourceIp" : R + ".getTag(" + CedarText.string(key) + ")";
        String match = or(matches(c, key, value));
        String op = c.operator().negated() ? "!" + paren(match) : match;
        boolean ifExists = c.operator().ifExists();
        boolean absentHolds = switch (c.operator().qualifier()) {
            case FOR_ALL_VALUES -> true;
            case FOR_ANY_VALUE -> ifExists;
            case NONE -> ifExists || c.operator().negated();
        };
        return absentHolds ? ifPresent(has, op) : "(" + has + " && " + op + ")";
    }

    /** Absent → true, present → {@code op}; written as if-then-else so the validator sees the guard. */
    private static String ifPresent(String has, String op) {
        return "(if " + has + " then " + op + " else true)";
    }

    /** One expression per policy value: true when the request value matches it. */
    private static List<String> matches(Condition c, String key, String value) throws Untranslatable {
        List<String> out = new ArrayList<>();
        for (String p : c.values().texts()) {
            out.add(match(c.operator().base().family(), key, value, p));
        }
        return out;
    }

    private static String match(BaseOperator.Family f, String key, String value, String p) throws Untranslatable {
        return switch (f) {
            case STRING -> equalsValue(value, p);
            case STRING_LIKE -> value + " like " + CedarText.likePattern(plainGlob(p));
            case BOOL -> plain(p).equalsIgnoreCase("true") || p.equalsIgnoreCase("false")
                    ? value + " == " + CedarText.string(p.toLowerCase(Locale.ROOT)) : "false";
            case ARN -> arn(key, value, p);
            case IP -> address(key, p);
            default -> throw new Untranslatable(f.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + " operators have no Cedar equivalent here");
        };
    }

    /** C12: a whole-value variable compares with the key it names; unresolved, it equals nothing. */
    private static String equalsValue(String value, String p) throws Untranslatable {
        Matcher m = WHOLE_VARIABLE.matcher(p);
        if (m.matches()) {
            String named = CedarText.string(m.group(1).trim().toLowerCase(Locale.ROOT));
            return "(" + R + ".hasTag(" + named + ") && " + value + " == " + R + ".getTag(" + named + "))";
        }
        return value + " == " + CedarText.string(plain(p));
    }

    private static String plain(String p) throws Untranslatable {
        if (p.contains("${")) {
            throw new Untranslatable("policy variable in '" + p + "' (only a whole-value ${key} in StringEquals"
                    + " translates)");
        }
        return p;
    }

    private static String plainGlob(String p) throws Untranslatable {
        if (plain(p).indexOf('?') >= 0) {
            throw new Untranslatable("'?' in '" + p + "': Cedar's like has only '*'");
        }
        return p;
    }

    /** C11 on aws:PrincipalArn (always five colons): with five colons in the pattern, like is segment-wise. */
    private static String arn(String key, String value, String p) throws Untranslatable {
        if (!key.equals("aws:principalarn")) {
            throw new Untranslatable("ARN operators translate only on aws:PrincipalArn, not " + key);
        }
        long colons = plainGlob(p).chars().filter(ch -> ch == ':').count();
        if (colons > 5) {
            throw new Untranslatable("ARN pattern '" + p + "' has more than five colons");
        }
        return colons < 5 ? "false" : value + " like " + CedarText.likePattern(p);
    }

    /** C8 on aws:SourceIp: a malformed block never matches. */
    private static String address(String key, String p) throws Untranslatable {
        if (!key.equals("aws:sourceip")) {
            throw new Untranslatable("IP operators translate only on aws:SourceIp, not " + key);
        }
        if (Cidr.parse(p) == null) {
            return "false";
        }
        if (!ADDRESS.matcher(p).matches()) {
            throw new Untranslatable("address '" + p + "' is not in a form Cedar's ip() reads");
        }
        return "context.sourceIp.isInRange(ip(" + CedarText.string(p) + "))";
    }

    private static String sourceIpPresent(String key) throws Untranslatable {
        if (!key.equals("aws:sourceip")) {
            throw new Untranslatable("IP operators translate only on aws:SourceIp, not " + key);
        }
        return "(context has sourceIp)";
    }

    /** C10 on the multivalued keys: the StringEquals family through set containment. */
    private static String multivalued(Condition c, String key) throws Untranslatable {
        boolean absentResult = c.evaluate(RequestContext.empty()).result();
        String attr = SETS.get(key);
        if (attr == null) {
            return Boolean.toString(absentResult);
        }
        String has = "(context has " + attr + ")";
        if (c.operator().isNull()) {
            return nullCheck(c, has);
        }
        if (c.operator().qualifier() == SetQualifier.NONE) {
            return absentResult ? "!" + has : "false";
        }
        if (c.operator().base() != BaseOperator.StringEquals && c.operator().base() != BaseOperator.StringNotEquals) {
            throw new Untranslatable(c.operator() + " on " + c.key() + ": only the StringEquals family translates on sets");
        }
        List<String> literals = new ArrayList<>();
        for (String p : c.values().texts()) {
            literals.add(CedarText.string(plain(p)));
        }
        String set = "[" + String.join(", ", literals) + "]";
        String values = "context." + attr;
        boolean all = c.operator().qualifier() == SetQualifier.FOR_ALL_VALUES;
        boolean negated = c.operator().negated();
        String present = all ? (negated ? "!" + values + ".containsAny(" + set + ")" : set + ".containsAll(" + values + ")")
                : (negated ? "!" + set + ".containsAll(" + values + ")" : values + ".containsAny(" + set + ")");
        return absentResult ? ifPresent(has, present) : "(" + has + " && " + present + ")";
    }

    private static String present(String key) {
        return R + ".hasTag(" + CedarText.string(key) + ")";
    }

    static String or(List<String> parts) {
        return parts.size() == 1 ? parts.get(0) : "(" + String.join(" || ", parts) + ")";
    }

    private static String paren(String e) {
        return "(" + e + ")";
    }
}
