package io.kmsd.core;

import io.kmsd.core.crypto.Plaintext;
import io.kmsd.core.key.KeyArn;

/** The result of GenerateDataKey: fresh random bytes and their Encrypt-format blob. */
public record DataKey(Plaintext plaintext, byte[] ciphertextBlob, KeyArn key, String keyMaterialId) {
    @Override
    public String toString() {
        return "DataKey[" + plaintext + ", " + key + "]";
    }
}
