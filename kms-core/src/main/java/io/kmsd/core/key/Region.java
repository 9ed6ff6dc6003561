package io.kmsd.core.key;

import java.util.regex.Pattern;

/** An AWS Region name such as {@code us-east-1} (kms-api.md §4.0). */
public record Region(String value) {
    private static final Pattern SHAPE = Pattern.compile("([a-z]+-){2,3}\\d+");

    public Region {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a region name");
        }
    }

    public static boolean isValid(String s) {
        return s != null && s.length() <= 32 && SHAPE.matcher(s).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
