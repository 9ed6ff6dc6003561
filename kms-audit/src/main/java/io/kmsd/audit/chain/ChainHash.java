package io.kmsd.audit.chain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The link between records: {@code hash(n) = SHA-256(hash(n-1) ‖ u64be(n) ‖ eventBytes(n))}, with
 * 32 zero bytes before record 1. The sequence number is hashed too, so renumbering breaks the chain.
 */
public final class ChainHash {
    /** A SHA-256 hash: 32 bytes, written as 64 lowercase hex digits. */
    public static final int BYTES = 32;
    public static final int HEX_LENGTH = 2 * BYTES;
    public static final String GENESIS = "0".repeat(HEX_LENGTH);
    private static final HexFormat HEX = HexFormat.of();
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(ChainHash::newDigest);

    private ChainHash() {
    }

    public static String link(String previousHex, long sequence, byte[] event) {
        return HEX.formatHex(link(HEX.parseHex(previousHex), sequence, event));
    }

    /** {@link #link(String, long, byte[])} on raw 32-byte hashes: the audit writer chains without hex round trips. */
    public static byte[] link(byte[] previous, long sequence, byte[] event) {
        MessageDigest md = SHA256.get();
        md.update(previous);
        for (int shift = 56; shift >= 0; shift -= 8) {
            md.update((byte) (sequence >>> shift));
        }
        md.update(event);
        return md.digest();
    }

    /** Plain SHA-256 of some bytes, hex (digest files are chained this way). */
    public static String sha256(byte[] bytes) {
        return HEX.formatHex(SHA256.get().digest(bytes));
    }

    public static boolean isHash(String s) {
        if (s == null || s.length() != HEX_LENGTH) {
            return false;
        }
        for (int i = 0; i < HEX_LENGTH; i++) {
            if (Character.digit(s.charAt(i), 16) < 0 || Character.isUpperCase(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
