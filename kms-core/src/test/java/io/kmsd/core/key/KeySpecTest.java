package io.kmsd.core.key;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** kms-api §3.2: which usages and algorithms each spec has. */
class KeySpecTest {
    @Test
    void symmetricDefaultEncryptsOnly() {
        assertThat(KeySpec.SYMMETRIC_DEFAULT.supports(KeyUsage.ENCRYPT_DECRYPT)).isTrue();
        assertThat(KeySpec.SYMMETRIC_DEFAULT.supports(KeyUsage.SIGN_VERIFY)).isFalse();
        assertThat(KeySpec.SYMMETRIC_DEFAULT.algorithmsFor(KeyUsage.ENCRYPT_DECRYPT))
                .containsExactly("SYMMETRIC_DEFAULT");
        assertThat(KeySpec.SYMMETRIC_DEFAULT.requiresExplicitUsage()).isFalse();
    }

    @Test
    void rsaCannotAgreeKeysAndEccCannotEncrypt() {
        assertThat(KeySpec.RSA_2048.supports(KeyUsage.KEY_AGREEMENT)).isFalse();
        assertThat(KeySpec.ECC_NIST_P256.supports(KeyUsage.ENCRYPT_DECRYPT)).isFalse();
        assertThat(KeySpec.ECC_SECG_P256K1.supports(KeyUsage.KEY_AGREEMENT)).isFalse();
        assertThat(KeySpec.ECC_NIST_P384.algorithmsFor(KeyUsage.SIGN_VERIFY)).containsExactly("ECDSA_SHA_384");
    }

    @Test
    void hmacSpecsHaveOnlyTheirOwnAlgorithm() {
        assertThat(KeySpec.HMAC_224.supports(KeyUsage.GENERATE_VERIFY_MAC, "HMAC_SHA_256")).isFalse();
        assertThat(KeySpec.HMAC_256.algorithmsFor(KeyUsage.GENERATE_VERIFY_MAC)).containsExactly("HMAC_SHA_256");
        assertThat(KeySpec.HMAC_512.keyClass()).isEqualTo(KeySpec.KeyClass.HMAC);
    }

    @Test
    void unsupportedUsageHasNoAlgorithms() {
        assertThat(KeySpec.ML_DSA_65.algorithmsFor(KeyUsage.ENCRYPT_DECRYPT)).isEmpty();
        assertThat(KeySpec.SM2.algorithmsFor(KeyUsage.GENERATE_VERIFY_MAC)).isEmpty();
    }
}
