package io.kmsd.core.lifecycle;

import static io.kmsd.core.testing.Ids.ACCOUNT;
import static io.kmsd.core.testing.Ids.REGION;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmsd.core.Core;
import io.kmsd.core.NewKey;
import io.kmsd.core.key.KeyMetadata;
import io.kmsd.core.key.KeySpec;
import io.kmsd.core.key.KeyState;
import io.kmsd.core.key.KeyUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** CreateKey for every KeySpec × usage of kms-api §3.2 and the algorithm lists of §3.1 (§6.10-§6.12). */
class CreateKeyTypesTest extends H2Fixture {

    @Override
    protected io.kmsd.core.CoreConfig.Builder config() {
        return super.config().allowSm2(true);
    }

    /** Every allowed pair except RSA_4096 (slow keygen: covered once below). */
    static Stream<Arguments> specsAndUsages() {
        List<Arguments> all = new ArrayList<>();
        for (KeySpec spec : KeySpec.values()) {
            for (KeyUsage usage : KeyUsage.values()) {
                if (spec != KeySpec.SYMMETRIC_DEFAULT && spec != KeySpec.RSA_4096 && spec.supports(usage)) {
                    all.add(Arguments.of(spec, usage));
                }
            }
        }
        return all.stream();
    }

    private KeyMetadata create(KeySpec spec, KeyUsage usage) {
        return keys.createKey(new NewKey(ACCOUNT, REGION, null, spec, usage, null, null, null, false));
    }

    @ParameterizedTest
    @MethodSource("specsAndUsages")
    void everySpecAndUsageCanBeCreatedWithOnlyItsAlgorithmList(KeySpec spec, KeyUsage usage) {
        // kms-api §3.1 "only the list matching KeyUsage"; no CurrentKeyMaterialId for non-symmetric keys
        KeyMetadata m = create(spec, usage);
        assertThat(m.keyState()).isEqualTo(KeyState.Enabled);
        assertThat(m.currentKeyMaterialId()).isNull();
        List<String> expected = spec.algorithmsFor(usage);
        assertThat(m.encryptionAlgorithms()).isEqualTo(usage == KeyUsage.ENCRYPT_DECRYPT ? expected : List.of());
        assertThat(m.signingAlgorithms()).isEqualTo(usage == KeyUsage.SIGN_VERIFY ? expected : List.of());
        assertThat(m.macAlgorithms()).isEqualTo(usage == KeyUsage.GENERATE_VERIFY_MAC ? expected : List.of());
        assertThat(m.keyAgreementAlgorithms()).isEqualTo(usage == KeyUsage.KEY_AGREEMENT ? expected : List.of());
        assertThat(keys.describe(m.arn())).isEqualTo(m);
    }

    @Test
    void hmacKeyListsItsOneMacAlgorithm() {
        // kms-api §6.11
        assertThat(create(KeySpec.HMAC_256, KeyUsage.GENERATE_VERIFY_MAC).macAlgorithms())
                .containsExactly("HMAC_SHA_256");
    }

    @Test
    void customerMasterKeySpecIsOmittedForMlDsaAndEdwards() {
        // kms-api §3.1 CustomerMasterKeySpec
        assertThat(create(KeySpec.ECC_NIST_EDWARDS25519, KeyUsage.SIGN_VERIFY).customerMasterKeySpec()).isNull();
        assertThat(create(KeySpec.ML_DSA_44, KeyUsage.SIGN_VERIFY).customerMasterKeySpec()).isNull();
        assertThat(create(KeySpec.ECC_NIST_P256, KeyUsage.SIGN_VERIFY).customerMasterKeySpec())
                .isEqualTo("ECC_NIST_P256");
        assertThat(keys.createKey(NewKey.symmetric(ACCOUNT, REGION)).customerMasterKeySpec())
                .isEqualTo("SYMMETRIC_DEFAULT");
    }

    @Test
    void rsa4096KeyIsCreated() {
        KeyMetadata m = create(KeySpec.RSA_4096, KeyUsage.ENCRYPT_DECRYPT);
        assertThat(m.encryptionAlgorithms()).containsExactly("RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256");
    }

    @Test
    void storedMaterialOfEveryKindIsReadBackByANewNode() {
        List<KeyMetadata> created = List.of(create(KeySpec.HMAC_384, KeyUsage.GENERATE_VERIFY_MAC),
                create(KeySpec.ECC_NIST_P256, KeyUsage.KEY_AGREEMENT), create(KeySpec.ML_DSA_65, KeyUsage.SIGN_VERIFY),
                create(KeySpec.SM2, KeyUsage.ENCRYPT_DECRYPT), keys.createKey(NewKey.symmetric(ACCOUNT, REGION)));
        core.close();
        core = Core.start(config().build());
        keys = core.keys();
        for (KeyMetadata m : created) {
            assertThat(keys.describe(m.arn())).isEqualTo(m);
        }
    }
}
