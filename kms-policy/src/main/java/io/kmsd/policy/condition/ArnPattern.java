package io.kmsd.policy.condition;

/**
 * An ARN pattern (key-policy-semantics G10, C11): both sides are split at their first five colons into six
 * segments and each segment is glob-matched, case-sensitively; the sixth segment holds the rest. A pattern or a
 * value with fewer than six segments matches nothing, except the pattern {@code *}, which matches any resource.
 */
public final class ArnPattern {
    private static final int SEGMENTS = 6;

    private final Glob whole;
    private final Glob[] segments;

    private ArnPattern(Glob whole, Glob[] segments) {
        this.whole = whole;
        this.segments = segments;
    }

    public static ArnPattern compile(String text, boolean variables) {
        Glob g = Glob.compile(text, true, variables);
        int[] colons = g.literalPositions(':', SEGMENTS - 1);
        if (colons.length < SEGMENTS - 1) {
            return new ArnPattern(g, null);
        }
        Glob[] segs = new Glob[SEGMENTS];
        int start = 0;
        for (int i = 0; i < SEGMENTS - 1; i++) {
            segs[i] = g.slice(start, colons[i]);
            start = colons[i] + 1;
        }
        segs[SEGMENTS - 1] = g.slice(start, g.length());
        return new ArnPattern(g, segs);
    }

    public String source() {
        return whole.source();
    }

    public boolean isMatchAll() {
        return whole.isMatchAll();
    }

    public boolean hasVariables() {
        return whole.hasVariables();
    }

    /** The pattern after variable substitution, or null when a variable is unresolved (for explanations). */
    public String resolvedText(VariableSource vars) {
        return whole.resolvedText(vars);
    }

    /** {@link Glob#MATCH}, {@link Glob#NO_MATCH} or {@link Glob#UNRESOLVED}. */
    public int test(String arn, VariableSource vars) {
        if (whole.isMatchAll()) {
            return Glob.MATCH;
        }
        if (segments == null) {
            return Glob.NO_MATCH;
        }
        int start = 0;
        for (int i = 0; i < SEGMENTS; i++) {
            int end = i < SEGMENTS - 1 ? arn.indexOf(':', start) : arn.length();
            if (end < 0) {
                return Glob.NO_MATCH;
            }
            int r = segments[i].test(arn, start, end, vars);
            if (r != Glob.MATCH) {
                return r;
            }
            start = end + 1;
        }
        return Glob.MATCH;
    }

    public boolean matches(String arn, VariableSource vars) {
        return test(arn, vars) == Glob.MATCH;
    }

    @Override
    public String toString() {
        return whole.source();
    }
}
