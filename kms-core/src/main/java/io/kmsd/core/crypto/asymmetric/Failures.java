package io.kmsd.core.crypto.asymmetric;

import io.kmsd.core.error.KmsError;
import io.kmsd.core.error.KmsException;
import io.kmsd.core.key.KeySpec;

/** The AWS-shaped failures of this package, each message written once. Messages never carry key material. */
final class Failures {
    private Failures() {
    }

    /** kms-api §4.0: an algorithm not valid for the key's spec. */
    static KmsException incompatible(String algorithm, KeySpec spec) {
        return new KmsException(KmsError.InvalidKeyUsage,
                "Algorithm " + algorithm + " is incompatible with key spec " + spec + ".");
    }

    /** kms-api §4.6 Sign: a DIGEST (or μ) of the wrong length. */
    static KmsException digestLength(SigningAlgorithm algorithm) {
        return KmsException.validation("Digest is invalid length for algorithm " + algorithm + ".");
    }

    /** kms-api §3.2: a MessageType the algorithm does not take (wording ours; AWS's is not documented). */
    static KmsException messageType(MessageType type, SigningAlgorithm algorithm) {
        return KmsException.validation("Message type " + type + " is incompatible with algorithm " + algorithm + ".");
    }

    /** kms-api §4.4: plaintext above the RSA/SM2 limit. */
    static KmsException tooLarge(EncryptionAlgorithm algorithm, KeySpec spec, int max) {
        return KmsException.validation("Algorithm " + algorithm + " and key spec " + spec
                + " cannot encrypt data larger than " + max + " bytes.");
    }

    /** kms-api §4.6 Verify: always the empty message. */
    static KmsException invalidSignature() {
        return new KmsException(KmsError.KMSInvalidSignature, "");
    }

    /** kms-api §4.6 VerifyMac: always the empty message. */
    static KmsException invalidMac() {
        return new KmsException(KmsError.KMSInvalidMac, "");
    }

    /** kms-api §4.6 DeriveSharedSecret: a peer key that is not SPKI DER on the key's curve; empty message. */
    static KmsException invalidPeerKey() {
        return KmsException.validation("");
    }

    static KmsException invalidCiphertext() {
        return KmsException.invalidCiphertext();
    }

    /** kms-api §4.10: material of the wrong size or format for the key spec (wording ours). */
    static KmsException incorrectMaterial(KeySpec spec) {
        return new KmsException(KmsError.IncorrectKeyMaterial,
                "The key material is not valid for key spec " + spec + ".");
    }
}
