package io.kmsd.api;

import static io.kmsd.api.SdkAssertions.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.kmsd.api.lifecycle.RotationJob;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.GetKeyRotationStatusResponse;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.ListKeyRotationsResponse;
import software.amazon.awssdk.services.kms.model.OriginType;
import software.amazon.awssdk.services.kms.model.RotationType;

/**
 * Rotation through the SDK (kms-api §4.7, §6.28, §6.54, §6.55) on a server whose clock the test moves: old
 * ciphertexts keep decrypting, new ones use the newest material, the rotation job rotates when the period has
 * passed and not before.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SdkRotationTest {
    static final ClockedServer SERVER = new ClockedServer();
    static final DropwizardAppExtension<KmsConfiguration> APP = SERVER.app;
    static KmsClient kms;

    @BeforeAll
    static void client() {
        kms = TestServer.client(APP, TestServer.alice());
    }

    @AfterAll
    static void close() {
        kms.close();
    }

    static String newKey() {
        return kms.createKey(r -> r.description("rotation")).keyMetadata().arn();
    }

    static SdkBytes encrypt(String key, String text) {
        return kms.encrypt(r -> r.keyId(key).plaintext(SdkBytes.fromUtf8String(text))).ciphertextBlob();
    }

    static String materialOf(SdkBytes blob) {
        return kms.decrypt(r -> r.ciphertextBlob(blob)).keyMaterialId();
    }

    static String currentMaterial(String key) {
        return kms.describeKey(r -> r.keyId(key)).keyMetadata().currentKeyMaterialId();
    }

    @Test
    void rotationIsOffByDefault() {
        GetKeyRotationStatusResponse s = kms.getKeyRotationStatus(r -> r.keyId(newKey()));
        assertThat(s.keyRotationEnabled()).isFalse();
        assertThat(s.rotationPeriodInDays()).isNull();
        assertThat(s.nextRotationDate()).isNull();
    }

    @Test
    void enableReportsPeriodAndNextDateAndOutOfRangePeriodsFail() {
        // kms-api §6.54
        String key = newKey();
        failsWith("ValidationException", null, () -> kms.enableKeyRotation(r -> r.keyId(key).rotationPeriodInDays(89)));
        failsWith("ValidationException", null,
                () -> kms.enableKeyRotation(r -> r.keyId(key).rotationPeriodInDays(2561)));
        kms.enableKeyRotation(r -> r.keyId(key).rotationPeriodInDays(90));
        GetKeyRotationStatusResponse s = kms.getKeyRotationStatus(r -> r.keyId(key));
        assertThat(s.keyRotationEnabled()).isTrue();
        assertThat(s.keyId()).isEqualTo(key);
        assertThat(s.rotationPeriodInDays()).isEqualTo(90);
        assertThat(Duration.between(SERVER.clock.instant().plus(Duration.ofDays(90)), s.nextRotationDate()).abs())
                .isLessThan(Duration.ofMinutes(1));
        kms.disableKeyRotation(r -> r.keyId(key));
        kms.disableKeyRotation(r -> r.keyId(key));
        assertThat(kms.getKeyRotationStatus(r -> r.keyId(key)).keyRotationEnabled()).isFalse();
    }

    @Test
    void ciphertextsFromBeforeEachOnDemandRotationStillDecryptAndAreListed() {
        // kms-api §6.28, §6.55
        String key = newKey();
        List<SdkBytes> blobs = new ArrayList<>();
        List<String> materials = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            blobs.add(encrypt(key, "before rotation " + i));
            materials.add(currentMaterial(key));
            assertThat(kms.rotateKeyOnDemand(r -> r.keyId(key)).keyId()).isEqualTo(key);
        }
        for (int i = 0; i < 3; i++) {
            int n = i;
            assertThat(kms.decrypt(r -> r.ciphertextBlob(blobs.get(n))).plaintext().asUtf8String())
                    .isEqualTo("before rotation " + i);
            assertThat(materialOf(blobs.get(i))).isEqualTo(materials.get(i));
        }
        SdkBytes fresh = encrypt(key, "after");
        assertThat(materialOf(fresh)).isEqualTo(currentMaterial(key)).isNotIn(materials);
        ListKeyRotationsResponse list = kms.listKeyRotations(r -> r.keyId(key));
        assertThat(list.rotations()).hasSize(3).allSatisfy(e -> {
            assertThat(e.rotationType()).isEqualTo(RotationType.ON_DEMAND);
            assertThat(e.keyId()).isEqualTo(key);
            assertThat(e.rotationDate()).isNotNull();
        });
        assertThat(list.rotations().get(2).keyMaterialId()).isEqualTo(currentMaterial(key));
        assertThat(list.truncated()).isFalse();
    }

    @Test
    void listKeyRotationsPagesWithLimitAndMarker() {
        String key = newKey();
        for (int i = 0; i < 3; i++) {
            kms.rotateKeyOnDemand(r -> r.keyId(key));
        }
        ListKeyRotationsResponse first = kms.listKeyRotations(r -> r.keyId(key).limit(2));
        assertThat(first.rotations()).hasSize(2);
        assertThat(first.truncated()).isTrue();
        ListKeyRotationsResponse second = kms.listKeyRotations(r -> r.keyId(key).limit(2).marker(first.nextMarker()));
        assertThat(second.rotations()).hasSize(1);
        assertThat(second.truncated()).isFalse();
        assertThat(second.nextMarker()).isNull();
        failsWith("ValidationException", null, () -> kms.listKeyRotations(r -> r.keyId(key).limit(1001)));
        failsWith("InvalidMarkerException", null, () -> kms.listKeyRotations(r -> r.keyId(key).marker("bogus")));
    }

    @Test
    void automaticRotationHappensWhenThePeriodPassesAndNotBefore() {
        String key = newKey();
        SdkBytes old = encrypt(key, "old");
        String oldMaterial = currentMaterial(key);
        kms.enableKeyRotation(r -> r.keyId(key).rotationPeriodInDays(90));
        RotationJob job = SERVER.job(RotationJob.class);

        SERVER.clock.advance(Duration.ofDays(89));
        job.runOnce();
        assertThat(kms.listKeyRotations(r -> r.keyId(key)).rotations()).isEmpty();
        assertThat(currentMaterial(key)).isEqualTo(oldMaterial);

        SERVER.clock.advance(Duration.ofDays(2));
        assertThat(job.runOnce()).isPositive();
        ListKeyRotationsResponse list = kms.listKeyRotations(r -> r.keyId(key));
        assertThat(list.rotations()).singleElement().satisfies(e -> {
            assertThat(e.rotationType()).isEqualTo(RotationType.AUTOMATIC);
            assertThat(e.keyMaterialId()).isEqualTo(currentMaterial(key)).isNotEqualTo(oldMaterial);
        });
        assertThat(kms.decrypt(r -> r.ciphertextBlob(old)).plaintext().asUtf8String()).isEqualTo("old");
        assertThat(materialOf(encrypt(key, "new"))).isEqualTo(currentMaterial(key));
        Instant next = kms.getKeyRotationStatus(r -> r.keyId(key)).nextRotationDate();
        assertThat(next).isAfter(SERVER.clock.instant().plus(Duration.ofDays(89)));
    }

    @Test
    void reEncryptMovesACiphertextOntoTheNewestMaterial() {
        String key = newKey();
        SdkBytes old = encrypt(key, "move me");
        String oldMaterial = materialOf(old);
        kms.rotateKeyOnDemand(r -> r.keyId(key));
        SdkBytes moved = kms.reEncrypt(r -> r.ciphertextBlob(old).destinationKeyId(key)).ciphertextBlob();
        assertThat(materialOf(moved)).isEqualTo(currentMaterial(key)).isNotEqualTo(oldMaterial);
        assertThat(kms.decrypt(r -> r.ciphertextBlob(moved)).plaintext().asUtf8String()).isEqualTo("move me");
    }

    @Test
    void the26thOnDemandRotationExceedsTheLimit() {
        // kms-api §6.55, §5
        String key = newKey();
        for (int i = 0; i < 25; i++) {
            kms.rotateKeyOnDemand(r -> r.keyId(key));
        }
        failsWith("LimitExceededException", "The on-demand rotations limit has been reached for the given keyId. "
                + "No more on-demand rotations can be performed for this key: " + key,
                () -> kms.rotateKeyOnDemand(r -> r.keyId(key)));
    }

    @Test
    void disabledKeyCannotRotate() {
        // kms-api §6.55, §3.4
        String key = newKey();
        kms.disableKey(r -> r.keyId(key));
        failsWith("DisabledException", key + " is disabled.", () -> kms.rotateKeyOnDemand(r -> r.keyId(key)));
        failsWith("DisabledException", key + " is disabled.", () -> kms.enableKeyRotation(r -> r.keyId(key)));
    }

    @Test
    void asymmetricHmacAndImportedKeysDoNotRotate() {
        // kms-api §4.7, §6.54, §6.55
        String rsa = kms.createKey(r -> r.keySpec(KeySpec.RSA_2048).keyUsage(KeyUsageType.SIGN_VERIFY))
                .keyMetadata().arn();
        String hmac = kms.createKey(r -> r.keySpec(KeySpec.HMAC_256).keyUsage(KeyUsageType.GENERATE_VERIFY_MAC))
                .keyMetadata().arn();
        String external = kms.createKey(r -> r.origin(OriginType.EXTERNAL)).keyMetadata().arn();
        for (String key : List.of(rsa, hmac)) {
            failsWith("UnsupportedOperationException", null, () -> kms.enableKeyRotation(r -> r.keyId(key)));
            failsWith("UnsupportedOperationException", null, () -> kms.rotateKeyOnDemand(r -> r.keyId(key)));
            failsWith("UnsupportedOperationException", null, () -> kms.listKeyRotations(r -> r.keyId(key)));
            assertThat(kms.getKeyRotationStatus(r -> r.keyId(key)).keyRotationEnabled()).isFalse();
        }
        failsWith("UnsupportedOperationException", null, () -> kms.enableKeyRotation(r -> r.keyId(external)));
        failsWith("UnsupportedOperationException", null, () -> kms.getKeyRotationStatus(r -> r.keyId(external)));
    }
}
