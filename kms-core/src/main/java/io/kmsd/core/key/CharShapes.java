package io.kmsd.core.key;

/**
 * Character-class checks for the identifier shapes of kms-api.md §2 and §4.0. They replace regular expressions
 * on the request path: every request validates a Region, an account and often a key id, several times, and a
 * regex match cost more than the AES-GCM of the request. The regexes stay in the javadoc of each caller and in
 * the property tests that compare both.
 */
final class CharShapes {
    private CharShapes() {
    }

    /** True if {@code s[from, to)} is non-empty and only {@code [0-9]}. */
    static boolean digits(String s, int from, int to) {
        return from < to && all(s, from, to, CharShapes::isDigit);
    }

    /** True if {@code s[from, to)} is non-empty and only {@code [0-9a-f]}. */
    static boolean lowerHex(String s, int from, int to) {
        return from < to && all(s, from, to, c -> isDigit(c) || (c >= 'a' && c <= 'f'));
    }

    /** True if {@code s[from, to)} is non-empty and only {@code [a-z]}. */
    static boolean lowerLetters(String s, int from, int to) {
        return from < to && all(s, from, to, c -> c >= 'a' && c <= 'z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean all(String s, int from, int to, CharTest test) {
        for (int i = from; i < to; i++) {
            if (!test.accepts(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    @FunctionalInterface
    private interface CharTest {
        boolean accepts(char c);
    }
}
