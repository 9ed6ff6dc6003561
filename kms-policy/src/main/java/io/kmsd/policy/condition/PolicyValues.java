package io.kmsd.policy.condition;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The values of one condition key, compiled once for their operator family. {@link #match} compares one request
 * value against all of them (OR, C5); negation and set qualifiers are applied by {@link Condition}.
 */
public abstract class PolicyValues {
    /** Some policy value matched the request value. */
    public static final int ANY = 1;
    /** No policy value matched. */
    public static final int NONE = 0;
    /** No policy value matched and at least one was "null" because its variable was unresolved (C12). */
    public static final int NONE_UNRESOLVED = -1;
    /** The request value is not of the operator's type (C4, C8, C14): the comparison is false. */
    public static final int TYPE_MISMATCH = -2;

    private final List<String> texts;

    PolicyValues(List<String> texts) {
        this.texts = List.copyOf(texts);
    }

    /** Compiles values for an operator; {@code variables} is false under Version 2008-10-17 (G2). */
    public static PolicyValues compile(BaseOperator op, List<String> texts, boolean variables) {
        boolean vars = variables && op.family().allowsVariables();
        return switch (op.family()) {
            case STRING -> new Strings(texts, false, vars, false);
            case STRING_LIKE -> new Strings(texts, true, vars, false);
            case STRING_IGNORE_CASE -> new Strings(texts, false, vars, true);
            case BOOL -> new Bools(texts, vars);
            case NUMERIC -> new Ordered(texts, PolicyValues::number, op.comparison());
            case DATE -> new Ordered(texts, PolicyDates::parse, op.comparison());
            case IP -> new Networks(texts);
            case ARN -> new Arns(texts, vars);
            case BINARY -> new Binaries(texts);
            case NULL -> new Nulls(texts);
        };
    }

    public abstract int match(String requestValue, VariableSource vars);

    /** The values as written in the policy. */
    public List<String> texts() {
        return texts;
    }

    /** The values after variable substitution (C12), null for an unresolved one. */
    public List<String> resolved(VariableSource vars) {
        return texts;
    }

    static int fold(boolean matched, boolean unresolved) {
        return matched ? ANY : unresolved ? NONE_UNRESOLVED : NONE;
    }

    static BigDecimal number(String s) {
        try {
            return s == null || s.isBlank() ? null : new BigDecimal(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** C3 String operators; Equals family treats {@code *} and {@code ?} as ordinary characters. */
    static final class Strings extends PolicyValues {
        private final Glob[] globs;
        private final boolean ignoreCase;

        Strings(List<String> texts, boolean wildcards, boolean vars, boolean ignoreCase) {
            super(texts);
            this.globs = texts.stream().map(t -> Glob.compile(t, wildcards, vars)).toArray(Glob[]::new);
            this.ignoreCase = ignoreCase;
        }

        @Override
        public int match(String r, VariableSource vars) {
            boolean unresolved = false;
            for (Glob g : globs) {
                int m = ignoreCase ? equalsIgnoreCase(g, r, vars) : g.test(r, 0, r.length(), vars);
                if (m == Glob.MATCH) {
                    return ANY;
                }
                unresolved |= m == Glob.UNRESOLVED;
            }
            return fold(false, unresolved);
        }

        private static int equalsIgnoreCase(Glob g, String r, VariableSource vars) {
            String v = g.hasVariables() ? g.resolvedText(vars) : g.source();
            return v == null ? Glob.UNRESOLVED : v.equalsIgnoreCase(r) ? Glob.MATCH : Glob.NO_MATCH;
        }

        @Override
        public List<String> resolved(VariableSource vars) {
            List<String> out = new ArrayList<>(globs.length);
            for (Glob g : globs) {
                out.add(g.resolvedText(vars));
            }
            return out;
        }
    }

    /** C14 Bool: {@code true}/{@code false} compared case-insensitively; anything else never matches. */
    static final class Bools extends PolicyValues {
        private final Strings values;

        Bools(List<String> texts, boolean vars) {
            super(texts);
            this.values = new Strings(texts, false, vars, true);
        }

        @Override
        public int match(String r, VariableSource vars) {
            if (!"true".equalsIgnoreCase(r) && !"false".equalsIgnoreCase(r)) {
                return TYPE_MISMATCH;
            }
            return values.match(r, vars);
        }

        @Override
        public List<String> resolved(VariableSource vars) {
            return values.resolved(vars);
        }
    }

    /** C4 Numeric and Date: ordered comparison; an unparsable policy value never matches. */
    static final class Ordered extends PolicyValues {
        private final java.util.function.Function<String, ? extends Comparable<?>> parser;
        private final Comparable<?>[] values;
        private final BaseOperator.Comparison comparison;

        Ordered(List<String> texts, java.util.function.Function<String, ? extends Comparable<?>> parser,
                BaseOperator.Comparison comparison) {
            super(texts);
            this.parser = parser;
            this.values = texts.stream().map(parser).toArray(Comparable[]::new);
            this.comparison = comparison;
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public int match(String r, VariableSource vars) {
            Comparable req = parser.apply(r);
            if (req == null) {
                return TYPE_MISMATCH;
            }
            for (Comparable p : values) {
                if (p != null && comparison.holds(compare(req, p))) {
                    return ANY;
                }
            }
            return NONE;
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static int compare(Comparable a, Comparable b) {
            return a instanceof BigDecimal x ? x.compareTo((BigDecimal) b) : ((Instant) a).compareTo((Instant) b);
        }
    }

    /** C8 IpAddress / NotIpAddress over CIDRs; a malformed CIDR never matches. */
    static final class Networks extends PolicyValues {
        private final Cidr[] networks;

        Networks(List<String> texts) {
            super(texts);
            this.networks = texts.stream().map(Cidr::parse).toArray(Cidr[]::new);
        }

        @Override
        public int match(String r, VariableSource vars) {
            byte[] addr = IpAddresses.parse(r);
            if (addr == null) {
                return TYPE_MISMATCH;
            }
            for (Cidr c : networks) {
                if (c != null && c.contains(addr)) {
                    return ANY;
                }
            }
            return NONE;
        }
    }

    /** C11: ArnEquals ≡ ArnLike; segment-wise globs with variables. */
    static final class Arns extends PolicyValues {
        private final ArnPattern[] patterns;

        Arns(List<String> texts, boolean vars) {
            super(texts);
            this.patterns = texts.stream().map(t -> ArnPattern.compile(t, vars)).toArray(ArnPattern[]::new);
        }

        @Override
        public int match(String r, VariableSource vars) {
            boolean unresolved = false;
            for (ArnPattern p : patterns) {
                int m = p.isMatchAll() ? Glob.NO_MATCH : p.test(r, vars);
                if (m == Glob.MATCH) {
                    return ANY;
                }
                unresolved |= m == Glob.UNRESOLVED;
            }
            return fold(false, unresolved);
        }

        @Override
        public List<String> resolved(VariableSource vars) {
            List<String> out = new ArrayList<>(patterns.length);
            for (ArnPattern p : patterns) {
                out.add(p.resolvedText(vars));
            }
            return out;
        }
    }

    /** C14 BinaryEquals: base64-decoded bytes compared. */
    static final class Binaries extends PolicyValues {
        private final byte[][] values;

        Binaries(List<String> texts) {
            super(texts);
            this.values = texts.stream().map(Binaries::decode).toArray(byte[][]::new);
        }

        private static byte[] decode(String s) {
            try {
                return Base64.getDecoder().decode(s);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        @Override
        public int match(String r, VariableSource vars) {
            byte[] req = decode(r);
            if (req == null) {
                return TYPE_MISMATCH;
            }
            for (byte[] v : values) {
                if (v != null && Arrays.equals(v, req)) {
                    return ANY;
                }
            }
            return NONE;
        }
    }

    /** C13 Null: the values say whether the key must be absent ({@code true}) or present ({@code false}). */
    static final class Nulls extends PolicyValues {
        private final Boolean[] expectAbsent;

        Nulls(List<String> texts) {
            super(texts);
            this.expectAbsent = texts.stream().map(Nulls::flag).toArray(Boolean[]::new);
        }

        private static Boolean flag(String s) {
            return "true".equalsIgnoreCase(s) ? Boolean.TRUE : "false".equalsIgnoreCase(s) ? Boolean.FALSE : null;
        }

        /** True iff some value agrees with the key's presence. */
        boolean holds(boolean absent) {
            for (Boolean b : expectAbsent) {
                if (b != null && b == absent) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public int match(String r, VariableSource vars) {
            return holds(false) ? ANY : NONE;
        }
    }
}
