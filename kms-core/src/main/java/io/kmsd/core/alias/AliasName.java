package io.kmsd.core.alias;

import java.util.regex.Pattern;

/**
 * An alias name, {@code alias/<name>} (kms-api.md §2, §5): 1–256 characters of {@code [a-zA-Z0-9:/_-]}.
 * Whether the {@code alias/aws/} prefix is reserved is decided by the operations, not here.
 */
public record AliasName(String value) {
    private static final Pattern SHAPE = Pattern.compile("alias/[a-zA-Z0-9:/_-]+");

    public AliasName {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not an alias name");
        }
    }

    public static boolean isValid(String s) {
        return s != null && s.length() <= 256 && SHAPE.matcher(s).matches();
    }

    public boolean isReserved() {
        return value.startsWith("alias/aws/");
    }

    @Override
    public String toString() {
        return value;
    }
}
