package io.kmsd.core.crypto.asymmetric;

/** The import wrapping algorithms (kms-api §4.0 AlgorithmSpec, §4.10). */
public enum WrappingAlgorithm {
    /** Rejected (kms-api §4.10). */
    RSAES_PKCS1_V1_5(null, false),
    RSAES_OAEP_SHA_1(EncryptionAlgorithm.RSAES_OAEP_SHA_1, false),
    RSAES_OAEP_SHA_256(EncryptionAlgorithm.RSAES_OAEP_SHA_256, false),
    /** First k/8 bytes: OAEP-wrapped ephemeral AES-256 key; the rest: the material under RFC 5649 AES-KWP. */
    RSA_AES_KEY_WRAP_SHA_1(EncryptionAlgorithm.RSAES_OAEP_SHA_1, true),
    RSA_AES_KEY_WRAP_SHA_256(EncryptionAlgorithm.RSAES_OAEP_SHA_256, true),
    SM2PKE(EncryptionAlgorithm.SM2PKE, false);

    private final EncryptionAlgorithm keyTransport;
    private final boolean aesKeyWrap;

    WrappingAlgorithm(EncryptionAlgorithm keyTransport, boolean aesKeyWrap) {
        this.keyTransport = keyTransport;
        this.aesKeyWrap = aesKeyWrap;
    }

    /** The public-key encryption that carries the material (or the ephemeral AES key); null if rejected. */
    EncryptionAlgorithm keyTransport() {
        return keyTransport;
    }

    boolean usesAesKeyWrap() {
        return aesKeyWrap;
    }

    /** Whether a wrapping key of this spec can use this algorithm: SM2PKE only with SM2, the others only RSA. */
    public boolean fits(WrappingKeySpec spec) {
        return keyTransport != null && (this == SM2PKE) == (spec == WrappingKeySpec.SM2);
    }
}
