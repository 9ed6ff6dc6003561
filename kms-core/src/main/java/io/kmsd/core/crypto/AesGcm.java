package io.kmsd.core.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a random 96-bit IV, in the simple layout {@code IV(12) ‖ ciphertext ‖ tag(16)};
 * used to wrap key material under the root key.
 */
final class AesGcm {
    static final int IV_BYTES = 12;
    static final int TAG_BITS = 128;
    static final int TAG_BYTES = TAG_BITS / 8;

    private final SecretKeySpec key;

    AesGcm(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("AES-256 needs a 32-byte key");
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    byte[] seal(byte[] plaintext, byte[] aad) {
        byte[] out = new byte[IV_BYTES + plaintext.length + TAG_BYTES];
        SecureRandoms.fill(out, 0, IV_BYTES);
        try {
            Cipher cipher = Ciphers.aesGcm();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, out, 0, IV_BYTES));
            cipher.updateAAD(aad);
            cipher.doFinal(plaintext, 0, plaintext.length, out, IV_BYTES);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** The plaintext, or null if the blob is malformed or does not authenticate with {@code aad}. */
    byte[] open(byte[] sealed, byte[] aad) {
        if (sealed.length < IV_BYTES + TAG_BYTES) {
            return null;
        }
        try {
            Cipher cipher = Ciphers.aesGcm();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            cipher.updateAAD(aad);
            return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (AEADBadTagException e) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }

    @Override
    public String toString() {
        return "AesGcm[key hidden]";
    }
}
