package io.kmsd.core.grant;

import java.util.regex.Pattern;

/** The optional friendly name of a grant (kms-api §4.9, §5): 1–256 characters of {@code [a-zA-Z0-9:/_-]}. */
public record GrantName(String value) {
    public static final int MAX_LENGTH = 256;
    public static final String PATTERN = "^[a-zA-Z0-9:/_-]+$";
    private static final Pattern SHAPE = Pattern.compile(PATTERN);

    public GrantName {
        if (!isValid(value)) {
            throw new IllegalArgumentException("a grant name is 1-256 characters of [a-zA-Z0-9:/_-]");
        }
    }

    public static boolean isValid(String text) {
        return text != null && text.length() <= MAX_LENGTH && SHAPE.matcher(text).matches();
    }

    /** Parses the {@code Name} parameter; a bad one → ValidationException at {@code name} (kms-api §1.3). */
    public static GrantName parse(String text) {
        if (text == null || text.isEmpty()) {
            throw GrantErrors.constraint(text == null ? "" : text, "name",
                    "Member must have length greater than or equal to 1");
        }
        if (text.length() > MAX_LENGTH) {
            throw GrantErrors.constraint(text, "name", "Member must have length less than or equal to " + MAX_LENGTH);
        }
        if (!SHAPE.matcher(text).matches()) {
            throw GrantErrors.constraint(text, "name", "Member must satisfy regular expression pattern: " + PATTERN);
        }
        return new GrantName(text);
    }

    @Override
    public String toString() {
        return value;
    }
}
