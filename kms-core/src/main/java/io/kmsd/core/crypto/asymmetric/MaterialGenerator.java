package io.kmsd.core.crypto.asymmetric;

import io.kmsd.core.key.KeySpec;

/** Fresh key material per key spec (kms-api §3.2 "Material"): CreateKey for asymmetric and HMAC keys. */
public final class MaterialGenerator {
    private MaterialGenerator() {
    }

    /**
     * New private material: PKCS#8 DER for asymmetric specs (RSA with e = 65537), 28/32/48/64 random bytes for
     * HMAC specs. SYMMETRIC_DEFAULT material is made by {@code io.kmsd.core.crypto}: {@code IllegalArgumentException}.
     */
    public static PrivateMaterial generate(KeySpec spec) {
        return switch (spec.keyClass()) {
            case HMAC -> HmacKey.generate(spec);
            case ASYMMETRIC -> generatePair(spec).privateKey();
            case SYMMETRIC -> throw new IllegalArgumentException("symmetric material is made in io.kmsd.core.crypto");
        };
    }

    static DataKeyPair generatePair(KeySpec spec) {
        return switch (spec) {
            case RSA_2048, RSA_3072, RSA_4096 -> RsaKey.generate(spec);
            case ECC_NIST_P256, ECC_NIST_P384, ECC_NIST_P521, ECC_SECG_P256K1, SM2 -> Curves.generate(spec);
            case ECC_NIST_EDWARDS25519 -> Ed25519Key.generate();
            case ML_DSA_44, ML_DSA_65, ML_DSA_87 -> MlDsaKey.generate(spec);
            default -> throw new IllegalArgumentException(spec + " is not an asymmetric key spec");
        };
    }
}
