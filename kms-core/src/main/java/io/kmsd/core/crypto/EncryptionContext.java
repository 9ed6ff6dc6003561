package io.kmsd.core.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An encryption context (kms-api §3.5): non-secret string pairs bound to a ciphertext as AAD. The pairs
 * are kept sorted by the UTF-8 bytes of their keys (code point order is the same order), so two contexts
 * with the same pairs in any order are equal and have the same {@link #canonicalBytes()}.
 */
public record EncryptionContext(SortedMap<String, String> pairs) {
    /** Code point order, which is the order of the keys' UTF-8 bytes (String's natural order is not). */
    public static final Comparator<String> UTF8_ORDER = EncryptionContext::compareCodePoints;

    private static final EncryptionContext EMPTY = new EncryptionContext(new TreeMap<>(UTF8_ORDER));
    private static final int MAX_FIELD = 0xFFFF;

    public EncryptionContext {
        TreeMap<String, String> copy = new TreeMap<>(UTF8_ORDER);
        pairs.forEach((k, v) -> copy.put(requireField(k), requireField(v)));
        pairs = Collections.unmodifiableSortedMap(copy);
    }

    public static EncryptionContext empty() {
        return EMPTY;
    }

    /** A context from any map (for example the wire's {@code EncryptionContext}); null means empty. */
    public static EncryptionContext of(Map<String, String> pairs) {
        if (pairs == null || pairs.isEmpty()) {
            return EMPTY;
        }
        TreeMap<String, String> sorted = new TreeMap<>(UTF8_ORDER);
        sorted.putAll(pairs);
        return new EncryptionContext(sorted);
    }

    public boolean isEmpty() {
        return pairs.isEmpty();
    }

    /** Pairs in UTF-8 key order, each {@code u16 len ‖ key ‖ u16 len ‖ value} (big-endian lengths). */
    public byte[] canonicalBytes() {
        if (pairs.isEmpty()) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        pairs.forEach((k, v) -> {
            writeField(out, k);
            writeField(out, v);
        });
        return out.toByteArray();
    }

    private static void writeField(ByteArrayOutputStream out, String field) {
        byte[] utf8 = field.getBytes(StandardCharsets.UTF_8);
        out.write(utf8.length >>> 8);
        out.write(utf8.length);
        out.write(utf8, 0, utf8.length);
    }

    /**
     * True if the text is well-formed UTF-16 (no unpaired surrogate). Others would encode to the same
     * UTF-8 bytes as a different text ({@code ?}), so two different contexts could authenticate alike.
     */
    public static boolean isWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static String requireField(String field) {
        if (field == null) {
            throw new IllegalArgumentException("encryption context keys and values must not be null");
        }
        if (!isWellFormed(field)) {
            throw new IllegalArgumentException("encryption context text has an unpaired surrogate");
        }
        if (field.length() > MAX_FIELD / 3 && field.getBytes(StandardCharsets.UTF_8).length > MAX_FIELD) {
            throw new IllegalArgumentException("encryption context field longer than 65535 UTF-8 bytes");
        }
        return field;
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
