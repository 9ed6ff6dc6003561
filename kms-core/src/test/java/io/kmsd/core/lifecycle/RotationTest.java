package io.kmsd.core.lifecycle;

import static io.kmsd.core.testing.Ids.ACCOUNT;
import static io.kmsd.core.testing.Ids.REGION;
import static io.kmsd.core.testing.KmsAssertions.assertFails;
import static io.kmsd.core.testing.KmsAssertions.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmsd.core.KeyRotation;
import io.kmsd.core.NewKey;
import io.kmsd.core.Page;
import io.kmsd.core.RotationStatus;
import io.kmsd.core.crypto.EncryptionContext;
import io.kmsd.core.crypto.Plaintext;
import io.kmsd.core.error.KmsError;
import io.kmsd.core.key.KeyArn;
import io.kmsd.core.key.KeySpec;
import io.kmsd.core.key.KeyUsage;
import io.kmsd.core.key.Origin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rotation (kms-api §4.7, §6.28, §6.54, §6.55) with the injected clock. */
class RotationTest extends H2Fixture {
    private static final EncryptionContext CTX = EncryptionContext.empty();

    private KeyArn symmetric() {
        return keys.createKey(NewKey.symmetric(ACCOUNT, REGION)).arn();
    }

    private KeyArn create(KeySpec spec, KeyUsage usage, Origin origin) {
        return keys.createKey(new NewKey(ACCOUNT, REGION, null, spec, usage, origin, null, null, false)).arn();
    }

    private byte[] encrypt(KeyArn key, String text) {
        return keys.encrypt(key, Plaintext.of(text.getBytes()), CTX).ciphertextBlob();
    }

    @Test
    void rotationIsOffByDefault() {
        RotationStatus s = keys.rotationStatus(symmetric());
        assertThat(s.keyRotationEnabled()).isFalse();
        assertThat(s.rotationPeriodInDays()).isNull();
        assertThat(s.nextRotationDate()).isNull();
        assertThat(s.onDemandRotationStartDate()).isNull();
    }

    @Test
    void enablingReportsPeriodAndNextRotationDate() {
        // kms-api §6.54
        KeyArn key = symmetric();
        keys.enableKeyRotation(key, 90);
        RotationStatus s = keys.rotationStatus(key);
        assertThat(s.keyRotationEnabled()).isTrue();
        assertThat(s.rotationPeriodInDays()).isEqualTo(90);
        assertThat(s.nextRotationDate()).isEqualTo(clock.instant().plus(Duration.ofDays(90)));
        keys.enableKeyRotation(key, null);
        assertThat(keys.rotationStatus(key).rotationPeriodInDays()).isEqualTo(365);
        keys.disableKeyRotation(key);
        keys.disableKeyRotation(key);
        assertThat(keys.rotationStatus(key).keyRotationEnabled()).isFalse();
    }

    @Test
    void periodOutside90To2560DaysFails() {
        // kms-api §6.54
        KeyArn key = symmetric();
        failure(() -> keys.enableKeyRotation(key, 89), KmsError.Validation);
        failure(() -> keys.enableKeyRotation(key, 2561), KmsError.Validation);
        keys.enableKeyRotation(key, 2560);
        assertThat(keys.rotationStatus(key).rotationPeriodInDays()).isEqualTo(2560);
    }

    @Test
    void nonSymmetricAndExternalKeysDoNotRotate() {
        // kms-api §6.54, §6.55
        KeyArn rsa = create(KeySpec.RSA_2048, KeyUsage.SIGN_VERIFY, null);
        KeyArn hmac = create(KeySpec.HMAC_256, KeyUsage.GENERATE_VERIFY_MAC, null);
        KeyArn external = create(KeySpec.SYMMETRIC_DEFAULT, null, Origin.EXTERNAL);
        for (KeyArn key : List.of(rsa, hmac, external)) {
            assertFails(() -> keys.enableKeyRotation(key, 90), KmsError.UnsupportedOperation, "");
        }
        assertFails(() -> keys.rotateOnDemand(rsa), KmsError.UnsupportedOperation, "");
        assertFails(() -> keys.listRotations(hmac, false, 10, null), KmsError.UnsupportedOperation, "");
        assertThat(keys.rotationStatus(rsa).keyRotationEnabled()).isFalse();
        assertThat(keys.rotationStatus(hmac).keyRotationEnabled()).isFalse();
    }

    @Test
    void disabledKeyCannotRotate() {
        // kms-api §6.55, §3.4
        KeyArn key = symmetric();
        keys.disable(key);
        assertFails(() -> keys.rotateOnDemand(key), KmsError.Disabled, key + " is disabled.");
        assertFails(() -> keys.enableKeyRotation(key, 90), KmsError.Disabled, key + " is disabled.");
    }

    @Test
    void ciphertextsFromBeforeEachRotationStillDecrypt() {
        // kms-api §6.28
        KeyArn key = symmetric();
        List<byte[]> blobs = new ArrayList<>();
        List<String> materials = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            var encrypted = keys.encrypt(key, Plaintext.of(("v" + i).getBytes()), CTX);
            blobs.add(encrypted.ciphertextBlob());
            materials.add(encrypted.keyMaterialId());
            keys.rotateOnDemand(key);
            assertThat(keys.describe(key).currentKeyMaterialId()).isNotEqualTo(encrypted.keyMaterialId());
        }
        assertThat(new HashSet<>(materials)).hasSize(4);
        for (int i = 0; i < 4; i++) {
            var decrypted = keys.decrypt(key, blobs.get(i), CTX);
            assertThat(decrypted.plaintext().bytes()).isEqualTo(("v" + i).getBytes());
            assertThat(decrypted.keyMaterialId()).isEqualTo(materials.get(i));
        }
        assertThat(keys.encrypt(key, Plaintext.of(new byte[1]), CTX).keyMaterialId())
                .isEqualTo(keys.describe(key).currentKeyMaterialId());
    }

    @Test
    void listRotationsShowsOnDemandRotationsAndPages() {
        // kms-api §6.55, §4.7 ListKeyRotations
        KeyArn key = symmetric();
        String first = keys.describe(key).currentKeyMaterialId();
        assertThat(keys.listRotations(key, false, 10, null).items()).isEmpty();
        keys.rotateOnDemand(key);
        clock.advance(Duration.ofHours(1));
        keys.rotateOnDemand(key);
        List<KeyRotation> rotations = keys.listRotations(key, false, 10, null).items();
        assertThat(rotations).extracting(KeyRotation::rotationType).containsExactly("ON_DEMAND", "ON_DEMAND");
        assertThat(rotations).extracting(KeyRotation::keyMaterialState).containsExactly("NON_CURRENT", "CURRENT");
        assertThat(rotations.get(1).keyMaterialId()).isEqualTo(keys.describe(key).currentKeyMaterialId());
        assertThat(rotations.get(1).rotationDate()).isEqualTo(clock.instant());
        List<KeyRotation> all = keys.listRotations(key, true, 10, null).items();
        assertThat(all).hasSize(3);
        assertThat(all.get(0).keyMaterialId()).isEqualTo(first);
        assertThat(all.get(0).rotationType()).isNull();
        assertThat(all.get(0).rotationDate()).isNull();
        Page<KeyRotation> page = keys.listRotations(key, true, 2, null);
        assertThat(page.items()).hasSize(2);
        assertThat(page.nextMarker()).isPresent();
        Page<KeyRotation> rest = keys.listRotations(key, true, 2, page.nextMarker().get());
        assertThat(rest.items()).containsExactly(all.get(2));
        assertThat(rest.nextMarker()).isEmpty();
        failure(() -> keys.listRotations(key, true, 2, "bogus"), KmsError.InvalidMarker);
    }

    @Test
    void the26thOnDemandRotationExceedsTheLimit() {
        // kms-api §6.55
        KeyArn key = symmetric();
        for (int i = 0; i < 25; i++) {
            keys.rotateOnDemand(key);
        }
        assertFails(() -> keys.rotateOnDemand(key), KmsError.LimitExceeded, "The on-demand rotations limit has been "
                + "reached for the given keyId. No more on-demand rotations can be performed for this key: " + key);
        assertThat(keys.listRotations(key, false, 100, null).items()).hasSize(25);
    }

    @Test
    void automaticRotationHappensWhenThePeriodPassesAndNotBefore() {
        // kms-api §4.7 EnableKeyRotation "next rotation = last rotation (or enable time) + period"
        KeyArn key = symmetric();
        KeyArn notRotating = symmetric();
        keys.enableKeyRotation(key, 90);
        byte[] before = encrypt(key, "old");
        String firstMaterial = keys.describe(key).currentKeyMaterialId();
        clock.advance(Duration.ofDays(90).minusMillis(1));
        assertThat(keys.rotateDue()).isZero();
        assertThat(keys.describe(key).currentKeyMaterialId()).isEqualTo(firstMaterial);
        clock.advance(Duration.ofMillis(1));
        assertThat(keys.rotateDue()).isEqualTo(1);
        assertThat(keys.rotateDue()).isZero();
        assertThat(keys.describe(key).currentKeyMaterialId()).isNotEqualTo(firstMaterial);
        assertThat(keys.rotationStatus(key).nextRotationDate()).isEqualTo(clock.instant().plus(Duration.ofDays(90)));
        assertThat(keys.listRotations(key, false, 10, null).items()).extracting(KeyRotation::rotationType)
                .containsExactly("AUTOMATIC");
        assertThat(keys.listRotations(notRotating, false, 10, null).items()).isEmpty();
        clock.advance(Duration.ofDays(90));
        assertThat(keys.rotateDue()).isEqualTo(1);
        assertThat(keys.decrypt(key, before, CTX).plaintext().bytes()).isEqualTo("old".getBytes());
    }

    @Test
    void disabledKeysAreNotRotatedAutomatically() {
        // kms-api §4.1 DisableKey "pauses automatic rotation"
        KeyArn key = symmetric();
        keys.enableKeyRotation(key, 90);
        keys.disable(key);
        clock.advance(Duration.ofDays(91));
        assertThat(keys.rotateDue()).isZero();
        keys.enable(key);
        assertThat(keys.rotateDue()).isEqualTo(1);
    }

    @Test
    void onDemandRotationWhileAutomaticIsDueIsAConflict() {
        // kms-api §4.7 RotateKeyOnDemand "due within 20 min → ConflictException"
        KeyArn key = symmetric();
        keys.enableKeyRotation(key, 90);
        clock.advance(Duration.ofDays(90).minusMinutes(10));
        failure(() -> keys.rotateOnDemand(key), KmsError.Conflict);
    }

    @Test
    void pendingDeletionReportsRotationDisabled() {
        // kms-api §4.7 GetKeyRotationStatus
        KeyArn key = symmetric();
        keys.enableKeyRotation(key, 90);
        keys.disable(key);
        keys.scheduleDeletion(key, 7);
        assertThat(keys.rotationStatus(key).keyRotationEnabled()).isFalse();
        clock.advance(Duration.ofDays(8));
        assertThat(keys.purgeExpiredDeletions()).isEqualTo(1);
    }
}
