package io.kmsd.core.key;

/** An AWS Region name such as {@code us-east-1} (kms-api.md §4.0). */
public record Region(String value) {

    public Region {
        if (value == null || !hasShape(value)) {
            throw new IllegalArgumentException("not a region name");
        }
    }

    public static boolean isValid(String s) {
        return s != null && s.length() <= 32 && hasShape(s);
    }

    /** {@code ([a-z]+-){2,3}\d+}: two or three lowercase words, then a number, joined by dashes. */
    private static boolean hasShape(String s) {
        int words = 0;
        int start = 0;
        for (int dash = s.indexOf('-'); dash >= 0; dash = s.indexOf('-', start)) {
            if (!CharShapes.lowerLetters(s, start, dash)) {
                return false;
            }
            words++;
            start = dash + 1;
        }
        return (words == 2 || words == 3) && CharShapes.digits(s, start, s.length());
    }

    @Override
    public String toString() {
        return value;
    }
}
