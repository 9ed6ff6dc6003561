package io.kmsd.policy.condition;

import java.util.Optional;

/**
 * A full operator name, {@code [ForAllValues:|ForAnyValue:]<Base>[IfExists]} or {@code Null}
 * (key-policy-semantics G11). Names are matched exactly (A6).
 */
public record ConditionOperator(String name, SetQualifier qualifier, BaseOperator base, boolean ifExists) {

    /** C10 set operators. */
    public enum SetQualifier { NONE, FOR_ALL_VALUES, FOR_ANY_VALUE }

    private static final String FOR_ALL = "ForAllValues:";
    private static final String FOR_ANY = "ForAnyValue:";
    private static final String IF_EXISTS = "IfExists";

    public ConditionOperator {
        if (name == null || qualifier == null || base == null) {
            throw new IllegalArgumentException("operator needs a name, a qualifier and a base");
        }
        if (base == BaseOperator.Null && (ifExists || qualifier != SetQualifier.NONE)) {
            throw new IllegalArgumentException("Null takes neither IfExists nor a set qualifier");
        }
    }

    /** The operator a name denotes, or empty if the name is not one (G11: reject it). */
    public static Optional<ConditionOperator> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String rest = name;
        SetQualifier q = SetQualifier.NONE;
        if (rest.startsWith(FOR_ALL)) {
            q = SetQualifier.FOR_ALL_VALUES;
            rest = rest.substring(FOR_ALL.length());
        } else if (rest.startsWith(FOR_ANY)) {
            q = SetQualifier.FOR_ANY_VALUE;
            rest = rest.substring(FOR_ANY.length());
        }
        boolean ifExists = rest.endsWith(IF_EXISTS) && rest.length() > IF_EXISTS.length();
        if (ifExists) {
            rest = rest.substring(0, rest.length() - IF_EXISTS.length());
        }
        BaseOperator base = baseNamed(rest);
        if (base == null || (base == BaseOperator.Null && (ifExists || q != SetQualifier.NONE))) {
            return Optional.empty();
        }
        return Optional.of(new ConditionOperator(name, q, base, ifExists));
    }

    private static BaseOperator baseNamed(String s) {
        for (BaseOperator b : BaseOperator.values()) {
            if (b.name().equals(s)) {
                return b;
            }
        }
        return null;
    }

    public boolean negated() {
        return base.negated();
    }

    public boolean isNull() {
        return base == BaseOperator.Null;
    }

    @Override
    public String toString() {
        return name;
    }
}
