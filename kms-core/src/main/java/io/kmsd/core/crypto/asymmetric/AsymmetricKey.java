package io.kmsd.core.crypto.asymmetric;

import static io.kmsd.core.key.KeyUsage.ENCRYPT_DECRYPT;
import static io.kmsd.core.key.KeyUsage.KEY_AGREEMENT;
import static io.kmsd.core.key.KeyUsage.SIGN_VERIFY;

import io.kmsd.core.crypto.Plaintext;
import io.kmsd.core.error.KmsException;
import io.kmsd.core.key.KeySpec;
import io.kmsd.core.key.KeyUsage;
import java.io.IOException;
import java.util.Arrays;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.crypto.InvalidCipherTextException;

/**
 * A parsed asymmetric key pair: the handle the key service caches per material, so a private key is parsed
 * once. Immutable and thread-safe. Every operation first checks that the algorithm belongs to the key spec
 * (kms-api §4.0, {@code InvalidKeyUsageException}); the key service checks the key's usage before calling.
 * Public keys are DER SubjectPublicKeyInfo; private material is PKCS#8 DER.
 */
public abstract sealed class AsymmetricKey permits RsaKey, EcKey, Ed25519Key, MlDsaKey, Sm2Key {
    private final KeySpec spec;
    private final byte[] publicKey;

    AsymmetricKey(KeySpec spec, byte[] publicKey) {
        this.spec = spec;
        this.publicKey = publicKey;
    }

    /**
     * Parses PKCS#8 material of an asymmetric spec. Material that is not PKCS#8 DER for exactly that spec (other
     * algorithm, curve or modulus size, inconsistent embedded public key) → {@code IncorrectKeyMaterialException};
     * a spec that is not asymmetric → {@code IllegalArgumentException}.
     */
    public static AsymmetricKey parse(PrivateMaterial material) {
        KeySpec spec = material.spec();
        if (spec.keyClass() != KeySpec.KeyClass.ASYMMETRIC) {
            throw new IllegalArgumentException(spec + " is not an asymmetric key spec");
        }
        try {
            return parse(spec, Der.privateKeyInfo(material.unsafeBytes()));
        } catch (IOException | RuntimeException e) {
            throw Failures.incorrectMaterial(spec);
        }
    }

    private static AsymmetricKey parse(KeySpec spec, PrivateKeyInfo info) throws IOException {
        return switch (spec) {
            case RSA_2048, RSA_3072, RSA_4096 -> RsaKey.parse(spec, info);
            case ECC_NIST_P256, ECC_NIST_P384, ECC_NIST_P521, ECC_SECG_P256K1 -> EcKey.parse(spec, info);
            case ECC_NIST_EDWARDS25519 -> Ed25519Key.parse(info);
            case ML_DSA_44, ML_DSA_65, ML_DSA_87 -> MlDsaKey.parse(spec, info);
            case SM2 -> Sm2Key.parse(info);
            default -> throw new IllegalArgumentException(spec + " is not an asymmetric key spec");
        };
    }

    public final KeySpec spec() {
        return spec;
    }

    /** kms-api §4.6 GetPublicKey: DER SubjectPublicKeyInfo (a copy). */
    public final byte[] publicKey() {
        return publicKey.clone();
    }

    /** kms-api §4.6 Sign. Bad message type or digest length → {@code ValidationException} (§3.2). */
    public final byte[] sign(SigningAlgorithm algorithm, byte[] message, MessageType type) {
        require(SIGN_VERIFY, algorithm.name());
        algorithm.checkMessage(message, type);
        return signChecked(algorithm, message, type);
    }

    /**
     * kms-api §4.6 Verify: returns normally if the signature is valid, else {@code KMSInvalidSignatureException}
     * with an empty message. A message and its digest verify as the same message.
     */
    public final void verify(SigningAlgorithm algorithm, byte[] message, MessageType type, byte[] signature) {
        require(SIGN_VERIFY, algorithm.name());
        algorithm.checkMessage(message, type);
        if (!verifiesQuietly(algorithm, message, type, signature)) {
            throw Failures.invalidSignature();
        }
    }

    /** kms-api §4.4 Encrypt; plaintext above the algorithm's limit → {@code ValidationException}. */
    public final byte[] encrypt(EncryptionAlgorithm algorithm, Plaintext plaintext) {
        require(ENCRYPT_DECRYPT, algorithm.name());
        int max = algorithm.maxPlaintext(spec);
        if (plaintext.length() > max) {
            throw Failures.tooLarge(algorithm, spec, max);
        }
        byte[] bytes = plaintext.bytes();
        try {
            return encryptChecked(algorithm, bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** kms-api §4.4 Decrypt of a raw OAEP / SM2 ciphertext; any failure → {@code InvalidCiphertextException}. */
    public final Plaintext decrypt(EncryptionAlgorithm algorithm, byte[] ciphertext) {
        require(ENCRYPT_DECRYPT, algorithm.name());
        byte[] plain = decryptQuietly(algorithm, ciphertext);
        try {
            return Plaintext.of(plain);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /**
     * kms-api §4.6 DeriveSharedSecret: ECDH with a peer's DER SubjectPublicKeyInfo on the same curve (else
     * {@code ValidationException} with an empty message); the secret is the shared x-coordinate.
     */
    public final Plaintext deriveSharedSecret(KeyAgreementAlgorithm algorithm, byte[] peerPublicKey) {
        require(KEY_AGREEMENT, algorithm.name());
        byte[] secret = agreeChecked(peerPublicKey);
        try {
            return Plaintext.of(secret);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** A pairwise-consistency test for imported material: a signature by the private half verifies. */
    final boolean isConsistent() {
        SigningAlgorithm algorithm = SigningAlgorithm.valueOf(spec.algorithmsFor(SIGN_VERIFY).get(0));
        byte[] message = Randomness.bytes(32);
        try {
            return verifyChecked(algorithm, message, MessageType.RAW, signChecked(algorithm, message, MessageType.RAW));
        } catch (RuntimeException e) {
            return false;
        }
    }

    abstract byte[] signChecked(SigningAlgorithm algorithm, byte[] message, MessageType type);

    /** False (or any RuntimeException) for an invalid or malformed signature. */
    abstract boolean verifyChecked(SigningAlgorithm algorithm, byte[] message, MessageType type, byte[] signature);

    byte[] encryptChecked(EncryptionAlgorithm algorithm, byte[] plaintext) {
        throw new IllegalStateException(spec + " does not encrypt"); // unreachable: require() filters by spec
    }

    byte[] decryptChecked(EncryptionAlgorithm algorithm, byte[] ciphertext) throws InvalidCipherTextException {
        throw new IllegalStateException(spec + " does not decrypt");
    }

    byte[] agreeChecked(byte[] peerPublicKey) {
        throw new IllegalStateException(spec + " does not agree keys");
    }

    private void require(KeyUsage usage, String algorithm) {
        if (!spec.supports(usage, algorithm)) {
            throw Failures.incompatible(algorithm, spec);
        }
    }

    private boolean verifiesQuietly(SigningAlgorithm algorithm, byte[] message, MessageType type, byte[] signature) {
        try {
            return verifyChecked(algorithm, message, type, signature);
        } catch (RuntimeException e) {
            return false; // malformed signature encodings
        }
    }

    private byte[] decryptQuietly(EncryptionAlgorithm algorithm, byte[] ciphertext) {
        try {
            return decryptChecked(algorithm, ciphertext);
        } catch (KmsException e) {
            throw e;
        } catch (InvalidCipherTextException | RuntimeException e) {
            throw Failures.invalidCiphertext();
        }
    }

    @Override
    public final String toString() {
        return getClass().getSimpleName() + "[" + spec + "]";
    }
}
