package io.kmsd.core.grant;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** A grant id (kms-api §2): 64 lowercase hex digits; ours are 256 random bits. */
public record GrantId(String value) {
    public static final int BYTES = 32;
    private static final Pattern SHAPE = Pattern.compile("[0-9a-f]{64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public GrantId {
        if (!isValid(value)) {
            throw new IllegalArgumentException("a grant id is 64 lowercase hex digits");
        }
    }

    public static boolean isValid(String text) {
        return text != null && SHAPE.matcher(text).matches();
    }

    public static GrantId random() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return ofBytes(bytes);
    }

    /** Parses a GrantId parameter; malformed → InvalidGrantIdException (kms-api §4.9 ListGrants). */
    public static GrantId parse(String text) {
        if (!isValid(text)) {
            throw GrantErrors.malformedGrantId(text == null ? "" : text);
        }
        return new GrantId(text);
    }

    public static GrantId ofBytes(byte[] bytes) {
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("a grant id is " + BYTES + " bytes");
        }
        return new GrantId(HexFormat.of().formatHex(bytes));
    }

    public byte[] bytes() {
        return HexFormat.of().parseHex(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
