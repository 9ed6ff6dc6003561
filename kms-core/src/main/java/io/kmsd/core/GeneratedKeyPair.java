package io.kmsd.core;

import io.kmsd.core.crypto.Plaintext;
import io.kmsd.core.key.KeyArn;
import io.kmsd.core.key.KeySpec;

/**
 * The result of GenerateDataKeyPair (kms-api §4.5): the PKCS#8 private key, its Encrypt-format ciphertext under
 * the symmetric KMS key {@code key} (Decrypt returns exactly those PKCS#8 bytes), and the DER SPKI public key.
 */
public record GeneratedKeyPair(Plaintext privateKeyPlaintext, byte[] privateKeyCiphertextBlob, byte[] publicKey,
                               KeySpec keyPairSpec, KeyArn key, String keyMaterialId) {
    @Override
    public String toString() {
        return "GeneratedKeyPair[" + keyPairSpec + ", " + privateKeyPlaintext + ", " + key + "]";
    }
}
