package io.kmsd.core.crypto.asymmetric;

import io.kmsd.core.crypto.Plaintext;
import io.kmsd.core.error.KmsException;
import io.kmsd.core.key.KeySpec;
import java.security.MessageDigest;
import java.util.Arrays;
import org.bouncycastle.crypto.InvalidCipherTextException;

/**
 * Imported key material (kms-api §4.10): the GetParametersForImport rules, fresh wrapping key pairs, unwrapping
 * of {@code EncryptedKeyMaterial} and the check that the material fits the key spec. Import tokens, their
 * expiry and binding to a key are the key service's business.
 */
public final class KeyImport {
    /** kms-api §4.10 RSA_AES_KEY_WRAP: the ephemeral key is AES-256. */
    private static final int EPHEMERAL_KEY_BYTES = 32;
    /** kms-api §3.2: symmetric material is 32 bytes. */
    private static final int SYMMETRIC_KEY_BYTES = 32;

    private KeyImport() {
    }

    /**
     * kms-api §4.10 GetParametersForImport: RSAES_PKCS1_V1_5 is rejected, SM2PKE goes only with SM2 (and SM2
     * only with SM2PKE), RSA private keys need RSA_AES_*, and RSAES_OAEP_* with RSA_2048 cannot carry P-521
     * material. Each violation → {@code ValidationException} (the wording is ours).
     */
    public static void checkParameters(KeySpec target, WrappingAlgorithm algorithm, WrappingKeySpec wrappingKeySpec) {
        if (algorithm == WrappingAlgorithm.RSAES_PKCS1_V1_5) {
            throw KmsException.validation("Wrapping algorithm RSAES_PKCS1_V1_5 is not supported.");
        }
        if (!algorithm.fits(wrappingKeySpec)) {
            throw KmsException.validation("Wrapping algorithm " + algorithm
                    + " is incompatible with wrapping key spec " + wrappingKeySpec + ".");
        }
        if (isRsaOaep(algorithm) && (isRsa(target)
                || target == KeySpec.ECC_NIST_P521 && wrappingKeySpec == WrappingKeySpec.RSA_2048)) {
            throw KmsException.validation("Wrapping algorithm " + algorithm + " with wrapping key spec "
                    + wrappingKeySpec + " cannot wrap key material for key spec " + target + ".");
        }
    }

    /** A fresh wrapping key pair: keep the private material for the token's lifetime, hand out the public key. */
    public static DataKeyPair generateWrappingKey(WrappingKeySpec spec) {
        return MaterialGenerator.generatePair(spec.keySpec());
    }

    /**
     * kms-api §4.10 ImportKeyMaterial: unwraps with the token's wrapping key and algorithm, then checks the
     * material against the target spec. Unwrap failure → {@code InvalidCiphertextException}; material of the
     * wrong size or format → {@code IncorrectKeyMaterialException}.
     */
    public static PrivateMaterial unwrap(AsymmetricKey wrappingKey, WrappingAlgorithm algorithm,
            byte[] encryptedKeyMaterial, KeySpec target) {
        Plaintext material = unwrapBytes(wrappingKey, algorithm, encryptedKeyMaterial);
        try {
            return validate(target, material);
        } finally {
            material.destroy();
        }
    }

    /**
     * The imported material as the key's material: exactly 32 bytes (symmetric), the §3.2 length range (HMAC),
     * or PKCS#8 DER of exactly the spec that passes a pairwise sign/verify test (asymmetric).
     */
    public static PrivateMaterial validate(KeySpec target, Plaintext material) {
        PrivateMaterial candidate = PrivateMaterial.adopt(target, material.bytes());
        if (!fits(candidate)) {
            candidate.destroy();
            throw Failures.incorrectMaterial(target);
        }
        return candidate;
    }

    private static boolean fits(PrivateMaterial candidate) {
        KeySpec spec = candidate.spec();
        try {
            return switch (spec.keyClass()) {
                case SYMMETRIC -> candidate.length() == SYMMETRIC_KEY_BYTES;
                case HMAC -> MacAlgorithm.of(spec).acceptsImportedLength(candidate.length());
                case ASYMMETRIC -> AsymmetricKey.parse(candidate).isConsistent();
            };
        } catch (KmsException e) {
            return false; // unparsable PKCS#8
        }
    }

    /**
     * kms-api §4.10 "not the material previously bound to the key": asymmetric material is the same key when
     * the public keys are equal (encodings may differ); other material when the bytes are equal.
     */
    public static boolean sameKey(PrivateMaterial bound, PrivateMaterial imported) {
        if (bound.spec() != imported.spec()) {
            return false;
        }
        if (bound.spec().keyClass() == KeySpec.KeyClass.ASYMMETRIC) {
            return Arrays.equals(AsymmetricKey.parse(bound).publicKey(), AsymmetricKey.parse(imported).publicKey());
        }
        return MessageDigest.isEqual(bound.unsafeBytes(), imported.unsafeBytes());
    }

    static Plaintext unwrapBytes(AsymmetricKey wrappingKey, WrappingAlgorithm algorithm, byte[] blob) {
        if (algorithm.keyTransport() == null) {
            throw KmsException.validation("Wrapping algorithm RSAES_PKCS1_V1_5 is not supported.");
        }
        if (!algorithm.usesAesKeyWrap()) {
            return wrappingKey.decrypt(algorithm.keyTransport(), blob);
        }
        int k = RsaKey.modulusBytes(wrappingKey.spec());
        if (blob.length <= k) {
            throw Failures.invalidCiphertext();
        }
        Plaintext ephemeral = wrappingKey.decrypt(algorithm.keyTransport(), Arrays.copyOf(blob, k));
        byte[] kek = ephemeral.bytes();
        ephemeral.destroy();
        try {
            return unwrapAes(kek, blob, k);
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    private static Plaintext unwrapAes(byte[] kek, byte[] blob, int offset) {
        if (kek.length != EPHEMERAL_KEY_BYTES) {
            throw Failures.invalidCiphertext();
        }
        byte[] material;
        try {
            material = AesKeyWrap.unwrap(kek, blob, offset, blob.length - offset);
        } catch (InvalidCipherTextException | RuntimeException e) {
            throw Failures.invalidCiphertext();
        }
        try {
            return Plaintext.of(material);
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    private static boolean isRsaOaep(WrappingAlgorithm algorithm) {
        return algorithm == WrappingAlgorithm.RSAES_OAEP_SHA_1 || algorithm == WrappingAlgorithm.RSAES_OAEP_SHA_256;
    }

    private static boolean isRsa(KeySpec spec) {
        return spec == KeySpec.RSA_2048 || spec == KeySpec.RSA_3072 || spec == KeySpec.RSA_4096;
    }
}
