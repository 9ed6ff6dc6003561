package io.kmsd.core.key;

import java.util.UUID;
import java.util.regex.Pattern;

/** A key id: a lowercase UUID v4, or {@code mrk-} and 32 hex digits for multi-Region keys (kms-api.md §2). */
public record KeyId(String value) {
    private static final Pattern UUID_SHAPE =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern MRK_SHAPE = Pattern.compile("mrk-[0-9a-f]{32}");

    public KeyId {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a key id");
        }
    }

    public static boolean isValid(String s) {
        return s != null && (UUID_SHAPE.matcher(s).matches() || MRK_SHAPE.matcher(s).matches());
    }

    public static KeyId random() {
        return new KeyId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
