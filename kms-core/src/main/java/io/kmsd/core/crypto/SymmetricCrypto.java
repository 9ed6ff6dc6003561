package io.kmsd.core.crypto;

/** Entry points for symmetric crypto on {@link Plaintext} values (reads their bytes without a copy). */
public final class SymmetricCrypto {
    private SymmetricCrypto() {
    }

    public static byte[] seal(KeyRing ring, Plaintext plaintext, EncryptionContext context) {
        return SymmetricCiphertext.seal(ring, plaintext.unsafeBytes(), context);
    }

    /** Fresh random bytes from the shared SecureRandom. */
    public static Plaintext random(int numberOfBytes) {
        return Plaintext.adopt(SecureRandoms.bytes(numberOfBytes));
    }
}
