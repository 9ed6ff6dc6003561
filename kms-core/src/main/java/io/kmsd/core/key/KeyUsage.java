package io.kmsd.core.key;

/** What a key may be used for (kms-api §3.2). */
public enum KeyUsage {
    ENCRYPT_DECRYPT,
    SIGN_VERIFY,
    GENERATE_VERIFY_MAC,
    KEY_AGREEMENT
}
