package io.kmsd.core.crypto.asymmetric;

import io.kmsd.core.key.KeySpec;

/** GetParametersForImport's wrapping key specs (kms-api §4.0, §4.10). */
public enum WrappingKeySpec {
    RSA_2048(KeySpec.RSA_2048),
    RSA_3072(KeySpec.RSA_3072),
    RSA_4096(KeySpec.RSA_4096),
    SM2(KeySpec.SM2);

    private final KeySpec keySpec;

    WrappingKeySpec(KeySpec keySpec) {
        this.keySpec = keySpec;
    }

    /** The key spec of the wrapping key pair; parse its material with {@link AsymmetricKey#parse}. */
    public KeySpec keySpec() {
        return keySpec;
    }
}
