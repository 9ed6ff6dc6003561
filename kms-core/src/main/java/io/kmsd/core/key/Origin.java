package io.kmsd.core.key;

/** Where a key's material comes from (kms-api §3.1). */
public enum Origin {
    AWS_KMS,
    EXTERNAL,
    AWS_CLOUDHSM,
    EXTERNAL_KEY_STORE
}
