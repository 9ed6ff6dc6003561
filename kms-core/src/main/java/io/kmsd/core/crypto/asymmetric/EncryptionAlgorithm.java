package io.kmsd.core.crypto.asymmetric;

import io.kmsd.core.key.KeySpec;

/** The asymmetric encryption algorithms of kms-api §3.2 (SYMMETRIC_DEFAULT lives in io.kmsd.core.crypto). */
public enum EncryptionAlgorithm {
    RSAES_OAEP_SHA_1(Hash.SHA_1),
    RSAES_OAEP_SHA_256(Hash.SHA_256),
    SM2PKE(Hash.SM3);

    /** kms-api §3.2: SM2PKE takes at most 1024 bytes. */
    static final int SM2_MAX_PLAINTEXT = 1024;

    private final Hash hash;

    EncryptionAlgorithm(Hash hash) {
        this.hash = hash;
    }

    Hash hash() {
        return hash;
    }

    /** kms-api §3.2: OAEP takes k/8 − 2·hLen − 2 bytes (RSA_2048: 214 / 190); SM2PKE 1024. */
    public int maxPlaintext(KeySpec spec) {
        if (this == SM2PKE) {
            return SM2_MAX_PLAINTEXT;
        }
        return RsaKey.modulusBytes(spec) - 2 * hash.length() - 2;
    }
}
