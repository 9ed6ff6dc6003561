package io.kmsd.policy.diff;

import io.kmsd.policy.condition.BaseOperator;
import io.kmsd.policy.condition.Condition;
import io.kmsd.policy.condition.ConditionKeys;
import io.kmsd.policy.condition.PolicyDates;
import io.kmsd.policy.document.Statement;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values worth trying for every condition key the two policies mention: each value they compare with (a
 * wildcard pattern becomes a string it matches, a number or date also its neighbours, a CIDR an address inside
 * it), and values that policy variables stand for. Keys describing the principal are collected apart — they
 * become principals and principal attributes, not free context.
 */
final class ConditionSamples {
    /** A value no policy mentions. */
    static final String OTHER = "zz-other";
    /** What a policy variable is replaced by, in the key holding it and in the key it names. */
    static final String VARIABLE_VALUE = "var-value";
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)}");
    private static final Set<String> PRINCIPAL_KEYS = Set.of("aws:principalarn", "aws:principalaccount",
            "aws:principaltype", "aws:userid", "aws:username", "aws:principalorgid", "aws:principalisawsservice",
            "aws:principalservicename", "kms:calleraccount");
    private static final String PRINCIPAL_TAG = "aws:principaltag/";

    /** Context keys (lower case) → display name and values. */
    final Map<String, KeySamples> context = new LinkedHashMap<>();
    final Map<String, Set<String>> principalTags = new LinkedHashMap<>();
    final Set<String> orgIds = new LinkedHashSet<>();
    final Set<String> principalArns = new LinkedHashSet<>();
    final Set<String> accounts = new LinkedHashSet<>();

    /** One context key's samples; {@code multivalued} keys are tried as sets. */
    record KeySamples(String key, boolean multivalued, Set<String> values) {
    }

    static ConditionSamples of(List<Statement> statements) {
        ConditionSamples s = new ConditionSamples();
        for (Statement st : statements) {
            st.conditions().forEach(s::add);
        }
        return s;
    }

    private void add(Condition c) {
        BaseOperator.Family f = c.operator().base().family();
        for (String v : c.values().texts()) {
            for (String sample : samples(f, substituteVariables(v))) {
                record(c.key(), sample);
            }
        }
        if (f == BaseOperator.Family.NULL) {
            record(c.key(), VARIABLE_VALUE);
        }
    }

    private void record(String key, String value) {
        String lower = key.toLowerCase(Locale.ROOT);
        if (lower.startsWith(PRINCIPAL_TAG)) {
            principalTags.computeIfAbsent(key.substring(PRINCIPAL_TAG.length()), k -> new LinkedHashSet<>()).add(value);
        } else if (lower.equals("aws:principalorgid")) {
            orgIds.add(value);
        } else if (lower.equals("aws:principalarn")) {
            principalArns.add(value);
        } else if ((lower.equals("aws:principalaccount") || lower.equals("kms:calleraccount"))
                && value.matches("\\d{12}")) {
            accounts.add(value);
        } else if (!PRINCIPAL_KEYS.contains(lower)) {
            context.computeIfAbsent(lower, k -> new KeySamples(key, ConditionKeys.isMultivalued(key),
                    new LinkedHashSet<>())).values().add(value);
        }
    }

    /** C12: every variable becomes {@link #VARIABLE_VALUE}, which the key it names is then tried with. */
    private String substituteVariables(String v) {
        Matcher m = VARIABLE.matcher(v);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String inner = m.group(1).trim();
            String name = inner.contains(",") ? inner.substring(0, inner.indexOf(',')).trim() : inner;
            boolean literal = name.equals("*") || name.equals("?") || name.equals("$");
            if (!literal) {
                record(name, VARIABLE_VALUE);
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(literal ? name : VARIABLE_VALUE));
        }
        return m.appendTail(sb).toString();
    }

    private static List<String> samples(BaseOperator.Family f, String v) {
        return switch (f) {
            case STRING_LIKE, ARN -> List.of(v.replace("*", "x").replace("?", "y"));
            case STRING_IGNORE_CASE -> List.of(v, v.toUpperCase(Locale.ROOT));
            case NUMERIC -> numbers(v);
            case DATE -> dates(v);
            case IP -> addresses(v);
            case BOOL -> List.of("true", "false");
            case NULL -> List.of();
            default -> List.of(v);
        };
    }

    private static List<String> numbers(String v) {
        try {
            BigDecimal d = new BigDecimal(v.strip());
            return List.of(d.toPlainString(), d.add(BigDecimal.ONE).toPlainString(),
                    d.subtract(BigDecimal.ONE).toPlainString());
        } catch (NumberFormatException e) {
            return List.of(v);
        }
    }

    private static List<String> dates(String v) {
        Instant t = PolicyDates.parse(v);
        return t == null ? List.of(v) : List.of(t.toString(), t.plusSeconds(1).toString(), t.minusSeconds(1).toString());
    }

    /** An address inside the block and one (most likely) outside it. */
    private static List<String> addresses(String v) {
        String inside = v.contains("/") ? v.substring(0, v.indexOf('/')) : v;
        return List.of(inside, inside.contains(":") ? "2001:db8::7" : "203.0.113.7");
    }
}
