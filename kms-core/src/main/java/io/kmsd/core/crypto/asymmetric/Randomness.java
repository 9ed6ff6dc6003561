package io.kmsd.core.crypto.asymmetric;

import java.security.SecureRandom;

/** The one SecureRandom of this package (thread-safe; one instance avoids re-seeding per call). */
final class Randomness {
    static final SecureRandom RANDOM = new SecureRandom();

    private Randomness() {
    }

    static byte[] bytes(int n) {
        byte[] out = new byte[n];
        RANDOM.nextBytes(out);
        return out;
    }
}
