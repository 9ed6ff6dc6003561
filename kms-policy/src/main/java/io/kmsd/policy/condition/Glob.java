package io.kmsd.policy.condition;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A policy value compiled once: literal characters, the wildcards {@code *} (any run, also empty) and {@code ?}
 * (exactly one character) when enabled (G9, C3), and policy variables {@code ${key}} / {@code ${key, 'default'}}
 * when enabled (C12). {@code ${*}}, {@code ${?}} and {@code ${$}} are literal characters, never wildcards, and
 * text substituted for a variable is literal too.
 */
public final class Glob {
    /** Result of {@link #test}: the value matched, did not, or a variable was unresolved (the value is "null"). */
    public static final int NO_MATCH = 0;
    public static final int MATCH = 1;
    public static final int UNRESOLVED = -1;

    private static final byte LIT = 0;
    private static final byte STAR = 1;
    private static final byte ONE = 2;
    private static final byte VAR = 3;

    private final String source;
    private final char[] chars;
    private final byte[] kinds;
    private final Variable[] variables;

    private record Variable(String lowerKey, String fallback) {
    }

    private Glob(String source, char[] chars, byte[] kinds, Variable[] variables) {
        this.source = source;
        this.chars = chars;
        this.kinds = kinds;
        this.variables = variables;
    }

    public static Glob compile(String text, boolean wildcards, boolean variables) {
        return new Parser(text, wildcards, variables).parse();
    }

    /** The policy text this was compiled from. */
    public String source() {
        return source;
    }

    public boolean hasVariables() {
        return variables.length > 0;
    }

    /** True when the pattern is exactly {@code *}. */
    public boolean isMatchAll() {
        return kinds.length == 1 && kinds[0] == STAR;
    }

    /** Positions of the first {@code max} literal occurrences of {@code ch}; for splitting ARN patterns. */
    int[] literalPositions(char ch, int max) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < kinds.length && found.size() < max; i++) {
            if (kinds[i] == LIT && chars[i] == ch) {
                found.add(i);
            }
        }
        return found.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Number of compiled pattern positions. */
    int length() {
        return kinds.length;
    }

    /** The sub-pattern of positions [from, to). */
    Glob slice(int from, int to) {
        return new Glob(source, java.util.Arrays.copyOfRange(chars, from, to),
                java.util.Arrays.copyOfRange(kinds, from, to), variables);
    }

    public boolean matches(CharSequence input, VariableSource vars) {
        return test(input, 0, input.length(), vars) == MATCH;
    }

    /** Matches input[from, to) against the whole pattern. */
    public int test(CharSequence input, int from, int to, VariableSource vars) {
        if (variables.length == 0) {
            return match(chars, kinds, chars.length, input, from, to) ? MATCH : NO_MATCH;
        }
        Resolved r = resolve(vars);
        if (r == null) {
            return UNRESOLVED;
        }
        return match(r.chars, r.kinds, r.length, input, from, to) ? MATCH : NO_MATCH;
    }

    /** The value after variable substitution, wildcards shown as written; null when a variable is unresolved. */
    public String resolvedText(VariableSource vars) {
        if (variables.length == 0) {
            return literalText(chars, kinds, chars.length);
        }
        Resolved r = resolve(vars);
        return r == null ? null : literalText(r.chars, r.kinds, r.length);
    }

    private static String literalText(char[] cs, byte[] ks, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(ks[i] == STAR ? '*' : ks[i] == ONE ? '?' : cs[i]);
        }
        return sb.toString();
    }

    private record Resolved(char[] chars, byte[] kinds, int length) {
    }

    private Resolved resolve(VariableSource vars) {
        StringBuilder text = new StringBuilder(chars.length + 16);
        StringBuilder kind = new StringBuilder(chars.length + 16);
        for (int i = 0; i < kinds.length; i++) {
            if (kinds[i] != VAR) {
                text.append(chars[i]);
                kind.append((char) kinds[i]);
                continue;
            }
            Variable v = variables[chars[i]];
            String value = vars.variable(v.lowerKey());
            if (value == null) {
                value = v.fallback();
            }
            if (value == null) {
                return null;
            }
            text.append(value);
            kind.append(String.valueOf((char) LIT).repeat(value.length()));
        }
        char[] cs = text.toString().toCharArray();
        byte[] ks = new byte[cs.length];
        for (int i = 0; i < ks.length; i++) {
            ks[i] = (byte) kind.charAt(i);
        }
        return new Resolved(cs, ks, cs.length);
    }

    /** Greedy glob match with backtracking to the last star: linear in practice, no recursion. */
    private static boolean match(char[] cs, byte[] ks, int m, CharSequence in, int from, int to) {
        int p = 0;
        int s = from;
        int starP = -1;
        int starS = -1;
        while (s < to) {
            if (p < m && (ks[p] == ONE || (ks[p] == LIT && cs[p] == in.charAt(s)))) {
                p++;
                s++;
            } else if (p < m && ks[p] == STAR) {
                starP = p++;
                starS = s;
            } else if (starP >= 0) {
                p = starP + 1;
                s = ++starS;
            } else {
                return false;
            }
        }
        while (p < m && ks[p] == STAR) {
            p++;
        }
        return p == m;
    }

    @Override
    public String toString() {
        return source;
    }

    /** Turns policy text into the compiled arrays. */
    private static final class Parser {
        private final String text;
        private final boolean wildcards;
        private final boolean substitute;
        private final StringBuilder cs = new StringBuilder();
        private final StringBuilder ks = new StringBuilder();
        private final List<Variable> vars = new ArrayList<>();

        Parser(String text, boolean wildcards, boolean substitute) {
            this.text = text;
            this.wildcards = wildcards;
            this.substitute = substitute;
        }

        Glob parse() {
            int i = 0;
            while (i < text.length()) {
                i = step(i);
            }
            byte[] kinds = new byte[ks.length()];
            for (int k = 0; k < kinds.length; k++) {
                kinds[k] = (byte) ks.charAt(k);
            }
            return new Glob(text, cs.toString().toCharArray(), kinds, vars.toArray(new Variable[0]));
        }

        private int step(int i) {
            char c = text.charAt(i);
            if (substitute && c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                int end = text.indexOf('}', i + 2);
                if (end > 0 && variable(text.substring(i + 2, end))) {
                    return end + 1;
                }
            }
            byte kind = !wildcards ? LIT : c == '*' ? STAR : c == '?' ? ONE : LIT;
            add(c, kind);
            return i + 1;
        }

        private void add(char c, byte kind) {
            cs.append(c);
            ks.append((char) kind);
        }

        /** C12: {@code key}, {@code key, 'default'}, or one of the escapes {@code *}, {@code ?}, {@code $}. */
        private boolean variable(String inner) {
            String body = inner.strip();
            if (body.equals("*") || body.equals("?") || body.equals("$")) {
                add(body.charAt(0), LIT);
                return true;
            }
            String key = body;
            String fallback = null;
            int comma = body.indexOf(',');
            if (comma >= 0) {
                key = body.substring(0, comma).strip();
                String d = body.substring(comma + 1).strip();
                if (d.length() < 2 || d.charAt(0) != '\'' || d.charAt(d.length() - 1) != '\'') {
                    return false;
                }
                fallback = d.substring(1, d.length() - 1);
            }
            if (!key.matches("[A-Za-z0-9:/_.\\-]+")) {
                return false;
            }
            add((char) vars.size(), VAR);
            vars.add(new Variable(key.toLowerCase(Locale.ROOT), fallback));
            return true;
        }
    }
}
