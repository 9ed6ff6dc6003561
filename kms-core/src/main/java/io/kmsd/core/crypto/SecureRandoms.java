package io.kmsd.core.crypto;

import java.security.SecureRandom;

/** The one SecureRandom core shares (SecureRandom is thread-safe; one instance avoids re-seeding costs). */
final class SecureRandoms {
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecureRandoms() {
    }

    static byte[] bytes(int n) {
        byte[] out = new byte[n];
        RANDOM.nextBytes(out);
        return out;
    }

    static void fill(byte[] target, int offset, int length) {
        if (offset == 0 && length == target.length) {
            RANDOM.nextBytes(target);
            return;
        }
        byte[] tmp = bytes(length);
        System.arraycopy(tmp, 0, target, offset, length);
    }
}
