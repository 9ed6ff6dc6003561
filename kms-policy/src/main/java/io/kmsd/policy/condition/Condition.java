package io.kmsd.policy.condition;

import java.util.List;
import java.util.Locale;

/**
 * One compiled {@code operator → key → values} entry of a Condition block (key-policy-semantics C5–C13).
 * {@link #evaluate} is total: it never throws and allocates nothing for values without variables.
 */
public final class Condition {
    private final ConditionOperator operator;
    private final String key;
    private final String lowerKey;
    private final PolicyValues values;

    public Condition(ConditionOperator operator, String key, List<String> values, boolean variables) {
        if (operator == null || key == null || values == null || values.isEmpty()) {
            throw new IllegalArgumentException("a condition needs an operator, a key and values");
        }
        this.operator = operator;
        this.key = key;
        this.lowerKey = key.toLowerCase(Locale.ROOT);
        this.values = PolicyValues.compile(operator.base(), values, variables);
    }

    public ConditionOperator operator() {
        return operator;
    }

    /** The key as written in the policy. */
    public String key() {
        return key;
    }

    public PolicyValues values() {
        return values;
    }

    public Verdict evaluate(RequestContext ctx) {
        ContextEntry e = ctx.get(lowerKey);
        if (operator.isNull()) {
            return nullVerdict(e == null);
        }
        if (e == null) {
            return absent();
        }
        return switch (operator.qualifier()) {
            case NONE -> e.multivalued() ? Verdict.MULTIVALUED_WITHOUT_SET_OPERATOR_FALSE : single(e.first(), ctx);
            case FOR_ALL_VALUES -> forAll(e.values(), ctx);
            case FOR_ANY_VALUE -> forAny(e.values(), ctx);
        };
    }

    private Verdict nullVerdict(boolean absent) {
        if (((PolicyValues.Nulls) values).holds(absent)) {
            return Verdict.MATCHED_TRUE;
        }
        return absent ? Verdict.KEY_ABSENT_FALSE : Verdict.NO_VALUE_MATCHED_FALSE;
    }

    /** C2, C7, C9, C10 for an absent key, in that precedence. */
    private Verdict absent() {
        if (operator.qualifier() == ConditionOperator.SetQualifier.FOR_ALL_VALUES) {
            return Verdict.EMPTY_SET_FORALL_TRUE;
        }
        if (operator.ifExists()) {
            return Verdict.KEY_ABSENT_IFEXISTS_TRUE;
        }
        if (operator.qualifier() == ConditionOperator.SetQualifier.FOR_ANY_VALUE) {
            return Verdict.EMPTY_SET_FORANY_FALSE;
        }
        return operator.negated() ? Verdict.KEY_ABSENT_NEGATED_TRUE : Verdict.KEY_ABSENT_FALSE;
    }

    private Verdict forAll(List<String> rs, RequestContext ctx) {
        for (int i = 0; i < rs.size(); i++) {
            Verdict v = single(rs.get(i), ctx);
            if (!v.result()) {
                return v;
            }
        }
        return Verdict.MATCHED_TRUE;
    }

    private Verdict forAny(List<String> rs, RequestContext ctx) {
        Verdict last = Verdict.NO_VALUE_MATCHED_FALSE;
        for (int i = 0; i < rs.size(); i++) {
            last = single(rs.get(i), ctx);
            if (last.result()) {
                return last;
            }
        }
        return last;
    }

    /** One request value against all policy values: OR for positive operators, NOR for negated ones (C5, C6). */
    private Verdict single(String r, VariableSource vars) {
        boolean neg = operator.negated();
        return switch (values.match(r, vars)) {
            case PolicyValues.ANY -> neg ? Verdict.MATCHED_NEGATED_FALSE : Verdict.MATCHED_TRUE;
            case PolicyValues.NONE -> neg ? Verdict.NO_VALUE_MATCHED_NEGATED_TRUE : Verdict.NO_VALUE_MATCHED_FALSE;
            case PolicyValues.NONE_UNRESOLVED ->
                    neg ? Verdict.VARIABLE_UNRESOLVED_NEGATED_TRUE : Verdict.VARIABLE_UNRESOLVED_FALSE;
            default -> Verdict.TYPE_MISMATCH_FALSE;
        };
    }

    @Override
    public String toString() {
        return operator + " " + key + " " + values.texts();
    }
}
