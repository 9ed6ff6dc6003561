package io.kmsd.core.lifecycle;

import io.kmsd.core.DataKey;
import io.kmsd.core.Decrypted;
import io.kmsd.core.Encrypted;
import io.kmsd.core.crypto.EncryptionContext;
import io.kmsd.core.crypto.KeyRing;
import io.kmsd.core.crypto.Plaintext;
import io.kmsd.core.crypto.SymmetricCiphertext;
import io.kmsd.core.crypto.SymmetricCrypto;
import io.kmsd.core.error.KmsError;
import io.kmsd.core.error.KmsException;
import io.kmsd.core.key.KeyArn;
import io.kmsd.core.key.KeyOperation;
import io.kmsd.core.key.KeySpec;
import io.kmsd.core.key.KeyStateTable;
import io.kmsd.core.key.KeyUsage;

/**
 * Symmetric Encrypt, Decrypt and GenerateDataKey on cached keys (kms-api §4.4, §4.5): no database access
 * for a key that has not changed. Checks run in the order of kms-api §1.4: state, then usage/spec, then
 * sizes, then the crypto itself.
 */
final class CryptoOps {
    private final KeyCache cache;

    CryptoOps(KeyCache cache) {
        this.cache = cache;
    }

    Encrypted encrypt(KeyArn arn, Plaintext plaintext, EncryptionContext context) {
        KeyRing ring = usableRing(arn, KeyOperation.Encrypt);
        Limits.plaintext(plaintext.length());
        byte[] blob = SymmetricCrypto.seal(ring, plaintext, context);
        return new Encrypted(blob, arn, ring.current().materialId());
    }

    Decrypted decrypt(KeyArn arn, byte[] blob, EncryptionContext context) {
        KeyRing ring = usableRing(arn, KeyOperation.Decrypt);
        SymmetricCiphertext.Opened opened = SymmetricCiphertext.open(ring, blob, context);
        return new Decrypted(opened.plaintext(), arn, opened.material().materialId());
    }

    DataKey generateDataKey(KeyArn arn, int numberOfBytes, EncryptionContext context) {
        KeyRing ring = usableRing(arn, KeyOperation.GenerateDataKey);
        Limits.numberOfBytes(numberOfBytes);
        Plaintext dataKey = SymmetricCrypto.random(numberOfBytes);
        byte[] blob = SymmetricCrypto.seal(ring, dataKey, context);
        return new DataKey(dataKey, blob, arn, ring.current().materialId());
    }

    static Plaintext generateRandom(int numberOfBytes) {
        Limits.numberOfBytes(numberOfBytes);
        return SymmetricCrypto.random(numberOfBytes);
    }

    /** §3.4 state, then usage (InvalidKeyUsage) and spec; returns the key's materials. */
    private KeyRing usableRing(KeyArn arn, KeyOperation op) {
        CachedKey key = cache.get(arn);
        KeyStateTable.check(op, key.state(), arn);
        KeyUsage usage = key.record().keyUsage();
        if (usage != KeyUsage.ENCRYPT_DECRYPT) {
            throw Errors.wrongUsage(arn, usage, op.name());
        }
        if (key.record().keySpec() != KeySpec.SYMMETRIC_DEFAULT) {
            throw op == KeyOperation.GenerateDataKey
                    ? Errors.wrongUsage(arn, usage, op.name()) // §4.5: symmetric keys only
                    : new KmsException(KmsError.UnsupportedOperation, "");
        }
        KeyRing ring = key.ring();
        if (ring == null) {
            throw KmsException.invalidState(arn + " is pending import."); // no material: cannot be Enabled
        }
        return ring;
    }
}
