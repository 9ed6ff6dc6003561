package io.kmsd.core.key;

/** A 12-digit AWS account id. */
public record AccountId(String value) {
    private static final int LENGTH = 12;

    public AccountId {
        if (!isValid(value)) {
            throw new IllegalArgumentException("account id must be 12 digits");
        }
    }

    public static boolean isValid(String s) {
        return s != null && s.length() == LENGTH && CharShapes.digits(s, 0, LENGTH);
    }

    public String rootArn() {
        return "arn:aws:iam::" + value + ":root";
    }

    @Override
    public String toString() {
        return value;
    }
}
