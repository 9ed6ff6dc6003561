package io.kmsd.core.lifecycle;

import static io.kmsd.core.testing.Ids.ACCOUNT;
import static io.kmsd.core.testing.Ids.REGION;
import static io.kmsd.core.testing.KmsAssertions.assertFails;
import static io.kmsd.core.testing.KmsAssertions.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmsd.core.NewKey;
import io.kmsd.core.error.KmsError;
import io.kmsd.core.key.KeyMetadata;
import io.kmsd.core.key.KeySpec;
import io.kmsd.core.key.KeyState;
import io.kmsd.core.key.KeyUsage;
import io.kmsd.core.key.Origin;
import io.kmsd.core.key.Tag;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CreateKey (kms-api §4.1, §6.10-§6.14) and the limits core enforces on key fields. */
class CreateKeyTest extends H2Fixture {

    private static NewKey spec(KeySpec spec, KeyUsage usage) {
        return new NewKey(ACCOUNT, REGION, null, spec, usage, null, null, null, false);
    }

    private static NewKey tagged(List<Tag> tags) {
        return new NewKey(ACCOUNT, REGION, null, null, null, null, tags, null, false);
    }

    @Test
    void defaultsAreThoseOfAws() {
        // kms-api §6.10
        KeyMetadata m = keys.createKey(NewKey.symmetric(ACCOUNT, REGION));
        assertThat(m.keySpec()).isEqualTo(KeySpec.SYMMETRIC_DEFAULT);
        assertThat(m.keyUsage()).isEqualTo(KeyUsage.ENCRYPT_DECRYPT);
        assertThat(m.origin()).isEqualTo(Origin.AWS_KMS);
        assertThat(m.keyState()).isEqualTo(KeyState.Enabled);
        assertThat(m.enabled()).isTrue();
        assertThat(m.keyManager()).isEqualTo("CUSTOMER");
        assertThat(m.multiRegion()).isFalse();
        assertThat(m.description()).isEmpty();
        assertThat(m.encryptionAlgorithms()).containsExactly("SYMMETRIC_DEFAULT");
        assertThat(m.currentKeyMaterialId()).matches("[0-9a-f]{64}");
        assertThat(m.deletionDate()).isNull();
        assertThat(m.keyId().value()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    @Test
    void everyKeyHasItsOwnMaterial() {
        assertThat(keys.createKey(NewKey.symmetric(ACCOUNT, REGION)).currentKeyMaterialId())
                .isNotEqualTo(keys.createKey(NewKey.symmetric(ACCOUNT, REGION)).currentKeyMaterialId());
    }

    @Test
    void multiRegionKeyHasAnMrkId() {
        // kms-api §6.14
        KeyMetadata m = keys.createKey(new NewKey(ACCOUNT, REGION, null, null, null, null, null, null, true));
        assertThat(m.keyId().value()).matches("mrk-[0-9a-f]{32}");
        assertThat(m.multiRegion()).isTrue();
    }

    @Test
    void nonSymmetricSpecWithoutUsageFails() {
        // kms-api §6.11
        assertFails(() -> keys.createKey(spec(KeySpec.HMAC_256, null)), KmsError.Validation,
                "You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.");
    }

    @Test
    void incompatibleUsageFails() {
        // kms-api §6.12
        assertFails(() -> keys.createKey(spec(KeySpec.RSA_2048, KeyUsage.KEY_AGREEMENT)), KmsError.Validation,
                "KeyUsage KEY_AGREEMENT is not compatible with KeySpec RSA_2048");
        assertFails(() -> keys.createKey(spec(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.SIGN_VERIFY)), KmsError.Validation,
                "KeyUsage SIGN_VERIFY is not compatible with KeySpec SYMMETRIC_DEFAULT");
    }

    @Test
    void sm2IsUnsupportedUnlessConfiguredAfterValidation() {
        // kms-api §3.2 "SM2: AWS China only; ours: config flag" (CoreConfig allowSm2, default false)
        assertFails(() -> keys.createKey(spec(KeySpec.SM2, KeyUsage.SIGN_VERIFY)), KmsError.UnsupportedOperation,
                "KeySpec SM2 is not enabled on this server (configuration kms.crypto.allowSm2 is false).");
        assertFails(() -> keys.createKey(spec(KeySpec.SM2, KeyUsage.GENERATE_VERIFY_MAC)), KmsError.Validation,
                "KeyUsage GENERATE_VERIFY_MAC is not compatible with KeySpec SM2");
        assertThat(keys.listKeys(ACCOUNT, REGION, 10, null).items()).isEmpty();
        var symmetric = keys.createKey(NewKey.symmetric(ACCOUNT, REGION)).arn();
        assertFails(() -> keys.generateDataKeyPair(symmetric, KeySpec.SM2, io.kmsd.core.crypto.EncryptionContext.empty()),
                KmsError.UnsupportedOperation,
                "KeyPairSpec SM2 is not enabled on this server (configuration kms.crypto.allowSm2 is false).");
    }

    @Test
    void customKeyStoreOriginsAreUnsupported() {
        failure(() -> keys.createKey(new NewKey(ACCOUNT, REGION, null, null, null, Origin.AWS_CLOUDHSM, null, null,
                false)), KmsError.UnsupportedOperation);
    }

    @Test
    void tagRulesApplyAtCreation() {
        // kms-api §6.45
        assertFails(() -> keys.createKey(tagged(List.of(new Tag("a", "1"), new Tag("a", "2")))), KmsError.Tag,
                "Duplicate tag keys");
        assertFails(() -> keys.createKey(tagged(List.of(new Tag("AWS:x", "1")))), KmsError.Tag,
                "Tags beginning with aws: are reserved");
        List<Tag> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add(new Tag("t" + i, ""));
        }
        assertFails(() -> keys.createKey(tagged(many)), KmsError.Tag, "Too many tags");
        assertThat(keys.listKeys(ACCOUNT, REGION, 10, null).items()).isEmpty();
    }

    @Test
    void oversizedPolicyIsALimitExceeded() {
        String big = "{\"x\":\"" + "a".repeat(32768) + "\"}";
        failure(() -> keys.createKey(new NewKey(ACCOUNT, REGION, null, null, null, null, null, big, false)),
                KmsError.LimitExceeded);
        var arn = keys.createKey(NewKey.symmetric(ACCOUNT, REGION)).arn();
        failure(() -> keys.putPolicy(arn, big), KmsError.LimitExceeded);
        failure(() -> keys.putPolicy(arn, ""), KmsError.Validation);
    }

    @Test
    void oversizedDescriptionFails() {
        String tooLong = "d".repeat(8193);
        failure(() -> keys.createKey(new NewKey(ACCOUNT, REGION, tooLong, null, null, null, null, null, false)),
                KmsError.Validation);
        var arn = keys.createKey(NewKey.symmetric(ACCOUNT, REGION)).arn();
        failure(() -> keys.updateDescription(arn, tooLong), KmsError.Validation);
        keys.updateDescription(arn, "");
        assertThat(keys.describe(arn).description()).isEmpty();
    }

    @Test
    void pendingWindowOutsideSevenToThirtyDaysFails() {
        // kms-api §6.20
        var arn = keys.createKey(NewKey.symmetric(ACCOUNT, REGION)).arn();
        keys.disable(arn);
        failure(() -> keys.scheduleDeletion(arn, 6), KmsError.Validation);
        failure(() -> keys.scheduleDeletion(arn, 31), KmsError.Validation);
        assertThat(keys.describe(arn).keyState()).isEqualTo(KeyState.Disabled);
    }
}
