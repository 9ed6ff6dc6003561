package io.kmsd.core.lifecycle;

import io.kmsd.core.PublicKeyInfo;
import io.kmsd.core.crypto.Plaintext;
import io.kmsd.core.crypto.asymmetric.AsymmetricKey;
import io.kmsd.core.crypto.asymmetric.HmacKey;
import io.kmsd.core.crypto.asymmetric.KeyAgreementAlgorithm;
import io.kmsd.core.crypto.asymmetric.MacAlgorithm;
import io.kmsd.core.crypto.asymmetric.MessageType;
import io.kmsd.core.crypto.asymmetric.SigningAlgorithm;
import io.kmsd.core.error.KmsError;
import io.kmsd.core.error.KmsException;
import io.kmsd.core.key.KeyArn;
import io.kmsd.core.key.KeyOperation;
import io.kmsd.core.key.KeyStateTable;
import io.kmsd.core.key.KeyUsage;

/**
 * Sign, Verify, GetPublicKey, GenerateMac, VerifyMac and DeriveSharedSecret (kms-api §4.6) on the cached, parsed
 * handle of a key. Order of checks (§1.4): key state (§3.4 table), usage (§4.0 message), then the algorithm
 * against the spec and the message rules, which the handles enforce with the spec's messages.
 */
final class AsymmetricOps {
    private final KeyCache cache;

    AsymmetricOps(KeyCache cache) {
        this.cache = cache;
    }

    byte[] sign(KeyArn arn, byte[] message, MessageType type, SigningAlgorithm algorithm) {
        return asymmetric(arn, KeyOperation.Sign, KeyUsage.SIGN_VERIFY).sign(algorithm, message, type);
    }

    void verify(KeyArn arn, byte[] message, MessageType type, byte[] signature, SigningAlgorithm algorithm) {
        asymmetric(arn, KeyOperation.Verify, KeyUsage.SIGN_VERIFY).verify(algorithm, message, type, signature);
    }

    Plaintext deriveSharedSecret(KeyArn arn, KeyAgreementAlgorithm algorithm, byte[] peerPublicKey) {
        return asymmetric(arn, KeyOperation.DeriveSharedSecret, KeyUsage.KEY_AGREEMENT)
                .deriveSharedSecret(algorithm, peerPublicKey);
    }

    byte[] generateMac(KeyArn arn, byte[] message, MacAlgorithm algorithm) {
        return hmac(arn, KeyOperation.GenerateMac).generateMac(algorithm, message);
    }

    void verifyMac(KeyArn arn, byte[] message, byte[] mac, MacAlgorithm algorithm) {
        hmac(arn, KeyOperation.VerifyMac).verifyMac(algorithm, message, mac);
    }

    /** kms-api §4.6 GetPublicKey: any usage; symmetric and HMAC keys → UnsupportedOperation. */
    PublicKeyInfo publicKey(KeyArn arn) {
        CachedKey key = cache.get(arn);
        KeyStateTable.check(KeyOperation.GetPublicKey, key.state(), arn);
        KeyHandles handles = key.handles();
        if (handles == null || handles.asymmetric() == null) {
            throw new KmsException(KmsError.UnsupportedOperation,
                    arn + " is not an asymmetric KMS key; GetPublicKey is not supported for it.");
        }
        KeyUsage usage = key.record().keyUsage();
        return new PublicKeyInfo(arn, handles.asymmetric().publicKey(), key.record().keySpec(), usage,
                key.record().keySpec().algorithmsFor(usage));
    }

    /** The parsed asymmetric key after the state and usage checks. */
    AsymmetricKey asymmetric(KeyArn arn, KeyOperation op, KeyUsage required) {
        return usable(arn, op, required).asymmetric();
    }

    private HmacKey hmac(KeyArn arn, KeyOperation op) {
        return usable(arn, op, KeyUsage.GENERATE_VERIFY_MAC).hmac();
    }

    private KeyHandles usable(KeyArn arn, KeyOperation op, KeyUsage required) {
        CachedKey key = cache.get(arn);
        KeyStateTable.check(op, key.state(), arn);
        KeyUsage usage = key.record().keyUsage();
        if (usage != required) {
            throw Errors.wrongUsage(arn, usage, op.name()); // kms-api §4.0
        }
        KeyHandles handles = key.handles();
        if (handles == null) {
            throw KmsException.invalidState(arn + " is pending import."); // no material: cannot be Enabled
        }
        return handles;
    }
}
