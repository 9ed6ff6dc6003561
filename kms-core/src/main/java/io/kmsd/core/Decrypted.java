package io.kmsd.core;

import io.kmsd.core.crypto.Plaintext;
import io.kmsd.core.key.KeyArn;

/** The result of Decrypt: the plaintext, the key and the material that decrypted. */
public record Decrypted(Plaintext plaintext, KeyArn key, String keyMaterialId) {
}
