package io.kmsd.core.crypto;

import io.kmsd.core.error.KmsError;
import io.kmsd.core.error.KmsException;
import io.kmsd.core.key.KeyId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Symmetric Encrypt/Decrypt and the ciphertext blob of kms-api §3.5 (ours; opaque to clients). Big-endian:
 * <pre>
 * offset   bytes   field
 * 0        1       version 0x01
 * 1        1       L = key id length (36 for UUID and mrk- ids)
 * 2        L       key id, ASCII
 * 2+L      32      key material id (binary; hex of it is the KeyMaterialId)
 * 34+L     12      random AES-GCM IV
 * 46+L     n+16    AES-256-GCM ciphertext ‖ 128-bit tag
 * </pre>
 * AAD = bytes {@code 0 .. 33+L} (the header) ‖ {@link EncryptionContext#canonicalBytes()}. So the header,
 * the context and the ciphertext are all authenticated: any change, truncation or extension fails the tag.
 * Overhead 98 bytes (the spec's table sums to 98; its prose says 104), so 4096 B of plaintext give 4194 B.
 *
 * <p>A blob that does not parse, names an unknown material, or fails the tag →
 * {@code InvalidCiphertextException} with an empty message; a well-formed blob of another key →
 * {@code IncorrectKeyException}. One AES-GCM operation per call on a per-thread Cipher.
 */
public final class SymmetricCiphertext {
    static final byte VERSION = 0x01;
    static final int OVERHEAD = 2 + 36 + KeyMaterial.MATERIAL_ID_BYTES + AesGcm.IV_BYTES + AesGcm.TAG_BYTES;
    static final String INCORRECT_KEY =
            "The key ID in the request does not identify a CMK that can perform this operation.";

    private SymmetricCiphertext() {
    }

    /** The key id a blob names, if the blob is structurally a version-1 ciphertext. */
    public static Optional<KeyId> keyIdOf(byte[] blob) {
        if (!wellFormed(blob)) {
            return Optional.empty();
        }
        String id = new String(blob, 2, blob[1], StandardCharsets.US_ASCII);
        return KeyId.isValid(id) ? Optional.of(new KeyId(id)) : Optional.empty();
    }

    /** Encrypts under the ring's current material. */
    public static byte[] seal(KeyRing ring, byte[] plaintext, EncryptionContext context) {
        KeyMaterial m = ring.current();
        byte[] header = m.header();
        byte[] out = new byte[header.length + AesGcm.IV_BYTES + plaintext.length + AesGcm.TAG_BYTES];
        System.arraycopy(header, 0, out, 0, header.length);
        SecureRandoms.fill(out, header.length, AesGcm.IV_BYTES);
        try {
            Cipher cipher = Ciphers.aesGcm();
            cipher.init(Cipher.ENCRYPT_MODE, m.key(), new GCMParameterSpec(AesGcm.TAG_BITS, out, header.length,
                    AesGcm.IV_BYTES));
            cipher.updateAAD(out, 0, header.length);
            updateContext(cipher, context);
            cipher.doFinal(plaintext, 0, plaintext.length, out, header.length + AesGcm.IV_BYTES);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** Decrypts a blob of this ring's key; returns the plaintext and the material that decrypted it. */
    public static Opened open(KeyRing ring, byte[] blob, EncryptionContext context) {
        if (!wellFormed(blob)) {
            throw KmsException.invalidCiphertext();
        }
        if (!namesKey(blob, ring.current().header())) {
            throw keyIdOf(blob).isPresent()
                    ? new KmsException(KmsError.IncorrectKey, INCORRECT_KEY) // kms-api §4.4
                    : KmsException.invalidCiphertext();
        }
        int idOffset = 2 + blob[1];
        KeyMaterial m = ring.find(blob, idOffset).orElseThrow(KmsException::invalidCiphertext);
        return new Opened(Plaintext.adopt(decrypt(m, blob, idOffset + KeyMaterial.MATERIAL_ID_BYTES, context)), m);
    }

    /** The result of {@link #open}. */
    public record Opened(Plaintext plaintext, KeyMaterial material) {
    }

    private static byte[] decrypt(KeyMaterial m, byte[] blob, int ivOffset, EncryptionContext context) {
        try {
            Cipher cipher = Ciphers.aesGcm();
            cipher.init(Cipher.DECRYPT_MODE, m.key(), new GCMParameterSpec(AesGcm.TAG_BITS, blob, ivOffset,
                    AesGcm.IV_BYTES));
            cipher.updateAAD(blob, 0, ivOffset);
            updateContext(cipher, context);
            int ctOffset = ivOffset + AesGcm.IV_BYTES;
            return cipher.doFinal(blob, ctOffset, blob.length - ctOffset);
        } catch (AEADBadTagException e) {
            throw KmsException.invalidCiphertext();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }

    private static void updateContext(Cipher cipher, EncryptionContext context) {
        if (!context.isEmpty()) {
            cipher.updateAAD(context.canonicalBytes());
        }
    }

    static byte[] header(byte[] keyIdAscii, byte[] materialId) {
        byte[] h = new byte[2 + keyIdAscii.length + materialId.length];
        h[0] = VERSION;
        h[1] = (byte) keyIdAscii.length;
        System.arraycopy(keyIdAscii, 0, h, 2, keyIdAscii.length);
        System.arraycopy(materialId, 0, h, 2 + keyIdAscii.length, materialId.length);
        return h;
    }

    private static boolean wellFormed(byte[] blob) {
        if (blob == null || blob.length < 2 || blob[0] != VERSION || blob[1] <= 0) {
            return false;
        }
        int l = blob[1];
        return blob.length >= 2 + l + KeyMaterial.MATERIAL_ID_BYTES + AesGcm.IV_BYTES + AesGcm.TAG_BYTES;
    }

    private static boolean namesKey(byte[] blob, byte[] header) {
        int l = header[1];
        return blob[1] == l && Arrays.equals(blob, 2, 2 + l, header, 2, 2 + l);
    }
}
