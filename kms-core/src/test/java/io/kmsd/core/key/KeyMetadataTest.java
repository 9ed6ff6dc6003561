package io.kmsd.core.key;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** KeyMetadata refuses inconsistent values (kms-api §3.1). */
class KeyMetadataTest {
    private static final KeyArn ARN = KeyArn.parse(
            "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab").orElseThrow();

    private static KeyMetadata metadata(boolean enabled, KeyState state, Instant deletion, String materialId) {
        return new KeyMetadata(ARN.account(), ARN.keyId(), ARN, Instant.EPOCH, enabled, "", KeyUsage.ENCRYPT_DECRYPT,
                state, Origin.AWS_KMS, "CUSTOMER", KeySpec.SYMMETRIC_DEFAULT, false, deletion,
                List.of("SYMMETRIC_DEFAULT"), materialId);
    }

    @Test
    void enabledMustMatchTheState() {
        assertThatThrownBy(() -> metadata(true, KeyState.Disabled, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deletionDateOnlyWhenPendingDeletion() {
        assertThatThrownBy(() -> metadata(false, KeyState.Disabled, Instant.EPOCH, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> metadata(false, KeyState.PendingDeletion, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void materialIdMustBe64LowercaseHex() {
        assertThatThrownBy(() -> metadata(true, KeyState.Enabled, null, "ABC"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void accountAndIdMustBeThoseOfTheArn() {
        assertThatThrownBy(() -> new KeyMetadata(new AccountId("444455556666"), ARN.keyId(), ARN, Instant.EPOCH,
                true, "", KeyUsage.ENCRYPT_DECRYPT, KeyState.Enabled, Origin.AWS_KMS, "CUSTOMER",
                KeySpec.SYMMETRIC_DEFAULT, false, null, List.of(), null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tagsOutsideTheirLengthsAreRejected() {
        assertThatThrownBy(() -> new Tag("", "v")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Tag("k".repeat(129), "v")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Tag("k", "v".repeat(257))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Tag("k", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
