package io.kmsd.core;

import io.kmsd.core.key.KeyArn;

/** The result of Encrypt: the blob of kms-api §3.5, the key, and the material that encrypted. */
public record Encrypted(byte[] ciphertextBlob, KeyArn key, String keyMaterialId) {
    @Override
    public String toString() {
        return "Encrypted[" + ciphertextBlob.length + " bytes, " + key + "]";
    }
}
