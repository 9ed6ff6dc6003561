package io.kmsd.policy.condition;

/** The base condition operators (key-policy-semantics C3, C4, C8, C11, C13, C14), names matched exactly (A6). */
public enum BaseOperator {
    StringEquals(Family.STRING, false, null),
    StringNotEquals(Family.STRING, true, null),
    StringEqualsIgnoreCase(Family.STRING_IGNORE_CASE, false, null),
    StringNotEqualsIgnoreCase(Family.STRING_IGNORE_CASE, true, null),
    StringLike(Family.STRING_LIKE, false, null),
    StringNotLike(Family.STRING_LIKE, true, null),
    NumericEquals(Family.NUMERIC, false, Comparison.EQ),
    NumericNotEquals(Family.NUMERIC, true, Comparison.EQ),
    NumericLessThan(Family.NUMERIC, false, Comparison.LT),
    NumericLessThanEquals(Family.NUMERIC, false, Comparison.LE),
    NumericGreaterThan(Family.NUMERIC, false, Comparison.GT),
    NumericGreaterThanEquals(Family.NUMERIC, false, Comparison.GE),
    DateEquals(Family.DATE, false, Comparison.EQ),
    DateNotEquals(Family.DATE, true, Comparison.EQ),
    DateLessThan(Family.DATE, false, Comparison.LT),
    DateLessThanEquals(Family.DATE, false, Comparison.LE),
    DateGreaterThan(Family.DATE, false, Comparison.GT),
    DateGreaterThanEquals(Family.DATE, false, Comparison.GE),
    Bool(Family.BOOL, false, null),
    BinaryEquals(Family.BINARY, false, null),
    IpAddress(Family.IP, false, null),
    NotIpAddress(Family.IP, true, null),
    ArnEquals(Family.ARN, false, null),
    ArnLike(Family.ARN, false, null),
    ArnNotEquals(Family.ARN, true, null),
    ArnNotLike(Family.ARN, true, null),
    Null(Family.NULL, false, null);

    /** How values are compiled and compared. */
    public enum Family {
        STRING, STRING_IGNORE_CASE, STRING_LIKE, NUMERIC, DATE, BOOL, BINARY, IP, ARN, NULL;

        /** C12: variables are substituted only in String*, Arn* and Bool values. */
        public boolean allowsVariables() {
            return this == STRING || this == STRING_IGNORE_CASE || this == STRING_LIKE || this == ARN || this == BOOL;
        }
    }

    /** Ordered comparison of Numeric and Date operators; the Not forms negate EQ (C6). */
    public enum Comparison {
        EQ, LT, LE, GT, GE;

        /** {@code cmp} is request.compareTo(policy). */
        public boolean holds(int cmp) {
            return switch (this) {
                case EQ -> cmp == 0;
                case LT -> cmp < 0;
                case LE -> cmp <= 0;
                case GT -> cmp > 0;
                case GE -> cmp >= 0;
            };
        }
    }

    private final Family family;
    private final boolean negated;
    private final Comparison comparison;

    BaseOperator(Family family, boolean negated, Comparison comparison) {
        this.family = family;
        this.negated = negated;
        this.comparison = comparison;
    }

    public Family family() {
        return family;
    }

    /** C6/C7: negated operators are true iff no value matches, and true on an absent key. */
    public boolean negated() {
        return negated;
    }

    public Comparison comparison() {
        return comparison;
    }
}
