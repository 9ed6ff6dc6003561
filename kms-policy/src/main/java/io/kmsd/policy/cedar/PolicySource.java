package io.kmsd.policy.cedar;

import java.util.ArrayList;
import java.util.List;

/**
 * One policy of a .cedar file: its text, where it starts in the file, and the file's name, so that Cedar's
 * errors (which give offsets within one policy, or none) can name a file and a line.
 */
record PolicySource(String file, String text, int offset, String whole) {

    /** The 1-based line of an offset within this policy's text. */
    int line(int offsetInPolicy) {
        int line = 1;
        int end = Math.min(whole.length(), offset + Math.max(0, offsetInPolicy));
        for (int i = 0; i < end; i++) {
            if (whole.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The line where the policy proper starts (after leading blanks and comments). */
    int firstLine() {
        return line(firstCode(text));
    }

    String where(int offsetInPolicy) {
        return file + ":" + line(offsetInPolicy);
    }

    /**
     * Splits a file at the semicolons that end its policies, outside string literals and comments; text after the
     * last one is left out ({@link #unterminated} reports it).
     */
    static List<PolicySource> split(String file, String text) {
        List<PolicySource> out = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                i = lineEnd(text, i);
            } else if (c == '"') {
                i = stringEnd(text, i);
            } else if (c == ';') {
                out.add(new PolicySource(file, text.substring(start, i + 1), start, text));
                start = i + 1;
            }
            i++;
        }
        return out;
    }

    /** {@code file:line: the policy does not end with ';'} for text after the last policy, else null. */
    static String unterminated(String file, String text, List<PolicySource> policies) {
        int start = policies.isEmpty() ? 0 : policies.get(policies.size() - 1).offset()
                + policies.get(policies.size() - 1).text().length();
        String rest = text.substring(start);
        if (firstCode(rest) == rest.length()) {
            return null;
        }
        return file + ":" + new PolicySource(file, rest, start, text).firstLine() + ": the policy does not end with ';'";
    }

    private static int lineEnd(String t, int i) {
        int nl = t.indexOf('\n', i);
        return nl < 0 ? t.length() : nl;
    }

    private static int stringEnd(String t, int i) {
        int j = i + 1;
        while (j < t.length() && t.charAt(j) != '"') {
            j += t.charAt(j) == '\\' ? 2 : 1;
        }
        return j;
    }

    /** The offset of the first character that is neither blank nor in a comment (the length if none). */
    static int firstCode(String t) {
        int i = 0;
        while (i < t.length()) {
            if (Character.isWhitespace(t.charAt(i))) {
                i++;
            } else if (t.startsWith("//", i)) {
                i = lineEnd(t, i);
            } else {
                return i;
            }
        }
        return i;
    }
}
