package io.kmsd.core.lifecycle;

import io.kmsd.core.DataKey;
import io.kmsd.core.Decrypted;
import io.kmsd.core.Encrypted;
import io.kmsd.core.GeneratedKeyPair;
import io.kmsd.core.crypto.EncryptionContext;
import io.kmsd.core.crypto.KeyRing;
import io.kmsd.core.crypto.Plaintext;
import io.kmsd.core.crypto.SymmetricCiphertext;
import io.kmsd.core.crypto.SymmetricCrypto;
import io.kmsd.core.crypto.asymmetric.AsymmetricKey;
import io.kmsd.core.crypto.asymmetric.DataKeyPair;
import io.kmsd.core.crypto.asymmetric.EncryptionAlgorithm;
import io.kmsd.core.error.KmsError;
import io.kmsd.core.error.KmsException;
import io.kmsd.core.key.KeyArn;
import io.kmsd.core.key.KeyOperation;
import io.kmsd.core.key.KeySpec;
import io.kmsd.core.key.KeyStateTable;
import io.kmsd.core.key.KeyUsage;

/**
 * Encrypt, Decrypt, GenerateDataKey and GenerateDataKeyPair on cached keys (kms-api §4.4, §4.5): no database
 * access for a key that has not changed. Checks run in the order of kms-api §1.4: state, then usage, then the
 * algorithm against the spec, then sizes, then the crypto itself. Symmetric keys take only SYMMETRIC_DEFAULT;
 * asymmetric keys need one of their own algorithms (the default, SYMMETRIC_DEFAULT, is incompatible with them).
 */
final class CryptoOps {
    static final String SYMMETRIC_DEFAULT = "SYMMETRIC_DEFAULT";

    private final KeyCache cache;
    private final boolean allowSm2;

    CryptoOps(KeyCache cache, boolean allowSm2) {
        this.cache = cache;
        this.allowSm2 = allowSm2;
    }

    /** {@code algorithm} null means not given (SYMMETRIC_DEFAULT). */
    Encrypted encrypt(KeyArn arn, Plaintext plaintext, EncryptionContext context, String algorithm) {
        CachedKey key = usable(arn, KeyOperation.Encrypt, algorithm);
        if (key.ring() == null) {
            noContext(context);
            byte[] blob = key.handles().asymmetric().encrypt(EncryptionAlgorithm.valueOf(algorithm), plaintext);
            return new Encrypted(blob, arn, null);
        }
        Limits.plaintext(plaintext.length());
        byte[] blob = SymmetricCrypto.seal(key.ring(), plaintext, context);
        return new Encrypted(blob, arn, key.ring().current().materialId());
    }

    Decrypted decrypt(KeyArn arn, byte[] blob, EncryptionContext context, String algorithm) {
        CachedKey key = usable(arn, KeyOperation.Decrypt, algorithm);
        if (key.ring() == null) {
            noContext(context);
            AsymmetricKey handle = key.handles().asymmetric();
            return new Decrypted(handle.decrypt(EncryptionAlgorithm.valueOf(algorithm), blob), arn, null);
        }
        SymmetricCiphertext.Opened opened = SymmetricCiphertext.open(key.ring(), blob, context);
        return new Decrypted(opened.plaintext(), arn, opened.material().materialId());
    }

    DataKey generateDataKey(KeyArn arn, int numberOfBytes, EncryptionContext context) {
        KeyRing ring = symmetricRing(arn, KeyOperation.GenerateDataKey);
        Limits.numberOfBytes(numberOfBytes);
        Plaintext dataKey = SymmetricCrypto.random(numberOfBytes);
        byte[] blob = SymmetricCrypto.seal(ring, dataKey, context);
        return new DataKey(dataKey, blob, arn, ring.current().materialId());
    }

    /** kms-api §4.5: a fresh pair; the private key sealed under the symmetric key in the Encrypt format. */
    GeneratedKeyPair generateDataKeyPair(KeyArn arn, KeySpec pairSpec, EncryptionContext context) {
        KeyRing ring = symmetricRing(arn, KeyOperation.GenerateDataKeyPair);
        if (pairSpec == KeySpec.SM2 && !allowSm2) {
            throw new KmsException(KmsError.UnsupportedOperation,
                    "KeyPairSpec SM2 is not enabled on this server (configuration kms.crypto.allowSm2 is false).");
        }
        DataKeyPair pair = DataKeyPair.generate(pairSpec);
        Plaintext privateKey = pair.privateKey().toPlaintext();
        pair.privateKey().destroy();
        byte[] blob = SymmetricCrypto.seal(ring, privateKey, context);
        return new GeneratedKeyPair(privateKey, blob, pair.publicKey(), pairSpec, arn, ring.current().materialId());
    }

    static Plaintext generateRandom(int numberOfBytes) {
        Limits.numberOfBytes(numberOfBytes);
        return SymmetricCrypto.random(numberOfBytes);
    }

    /** §3.4 state, usage ENCRYPT_DECRYPT, then the algorithm against the key's spec (§4.0 messages). */
    private CachedKey usable(KeyArn arn, KeyOperation op, String algorithm) {
        CachedKey key = cache.get(arn);
        KeyStateTable.check(op, key.state(), arn);
        KeyUsage usage = key.record().keyUsage();
        if (usage != KeyUsage.ENCRYPT_DECRYPT) {
            throw Errors.wrongUsage(arn, usage, op.name());
        }
        String requested = algorithm == null ? SYMMETRIC_DEFAULT : algorithm;
        KeySpec spec = key.record().keySpec();
        if (!spec.supports(usage, requested)) {
            throw Errors.incompatibleAlgorithm(requested, spec);
        }
        if (key.handles() == null) {
            throw KmsException.invalidState(arn + " is pending import."); // no material: cannot be Enabled
        }
        return key;
    }

    /** GenerateDataKey*, GenerateDataKeyPair*: symmetric keys only, else InvalidKeyUsage (kms-api §4.5). */
    private KeyRing symmetricRing(KeyArn arn, KeyOperation op) {
        CachedKey key = cache.get(arn);
        KeyStateTable.check(op, key.state(), arn);
        KeyUsage usage = key.record().keyUsage();
        if (usage != KeyUsage.ENCRYPT_DECRYPT || key.record().keySpec() != KeySpec.SYMMETRIC_DEFAULT) {
            throw Errors.wrongUsage(arn, usage, op.name());
        }
        if (key.ring() == null) {
            throw KmsException.invalidState(arn + " is pending import.");
        }
        return key.ring();
    }

    /** kms-api §3.5: an encryption context only binds symmetric ciphertexts. */
    private static void noContext(EncryptionContext context) {
        if (context != null && !context.isEmpty()) {
            throw KmsException.validation("EncryptionContext is not supported with asymmetric KMS keys.");
        }
    }
}
