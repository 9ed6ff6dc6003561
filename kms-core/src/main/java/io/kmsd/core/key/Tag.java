package io.kmsd.core.key;

import java.util.Locale;

/**
 * A resource tag (kms-api §4.3, §5): key 1–128 characters, value 0–256. Length violations are
 * ValidationExceptions at the wire layer; a record that exists is always within them.
 */
public record Tag(String key, String value) {
    public Tag {
        if (key == null || key.isEmpty() || key.length() > 128) {
            throw new IllegalArgumentException("tag key must have 1 to 128 characters");
        }
        if (value == null || value.length() > 256) {
            throw new IllegalArgumentException("tag value must have 0 to 256 characters");
        }
    }

    /** {@code aws:} in any case is reserved (kms-api §4.3). */
    public boolean isReserved() {
        return isReservedKey(key);
    }

    public static boolean isReservedKey(String key) {
        return key.toLowerCase(Locale.ROOT).startsWith("aws:");
    }
}
