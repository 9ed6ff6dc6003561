package io.kmsd.core.key;

import java.util.UUID;

/** A key id: a lowercase UUID v4, or {@code mrk-} and 32 hex digits for multi-Region keys (kms-api.md §2). */
public record KeyId(String value) {
    private static final int LENGTH = 36;
    private static final String MRK = "mrk-";

    public KeyId {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a key id");
        }
    }

    /** {@code [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}} or {@code mrk-[0-9a-f]{32}}. */
    public static boolean isValid(String s) {
        if (s == null || s.length() != LENGTH) {
            return false;
        }
        return s.startsWith(MRK) ? CharShapes.lowerHex(s, MRK.length(), LENGTH) : isUuid(s);
    }

    private static boolean isUuid(String s) {
        return CharShapes.lowerHex(s, 0, 8) && s.charAt(8) == '-' && CharShapes.lowerHex(s, 9, 13)
                && s.charAt(13) == '-' && CharShapes.lowerHex(s, 14, 18) && s.charAt(18) == '-'
                && CharShapes.lowerHex(s, 19, 23) && s.charAt(23) == '-' && CharShapes.lowerHex(s, 24, LENGTH);
    }

    public static KeyId random() {
        return new KeyId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
