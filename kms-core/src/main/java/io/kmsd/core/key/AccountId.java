package io.kmsd.core.key;

import java.util.regex.Pattern;

/** A 12-digit AWS account id. */
public record AccountId(String value) {
    private static final Pattern SHAPE = Pattern.compile("\\d{12}");

    public AccountId {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("account id must be 12 digits");
        }
    }

    public static boolean isValid(String s) {
        return s != null && SHAPE.matcher(s).matches();
    }

    public String rootArn() {
        return "arn:aws:iam::" + value + ":root";
    }

    @Override
    public String toString() {
        return value;
    }
}
