package io.kmsd.core.key;

import static io.kmsd.core.testing.KmsAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.kmsd.core.error.KmsError;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** kms-api §3.4: the rows core uses, cell by cell, with the exact messages. */
class KeyStateTableTest {
    private static final KeyArn ARN = KeyArn.parse(
            "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab").orElseThrow();

    @ParameterizedTest
    @EnumSource(value = KeyOperation.class, names = {"Encrypt", "Decrypt", "ReEncrypt", "GenerateDataKey",
            "GenerateDataKeyWithoutPlaintext", "Sign", "Verify", "GenerateMac", "VerifyMac", "DeriveSharedSecret"})
    void cryptoRowFailsOnEveryUnusableState(KeyOperation op) {
        assertThatCode(() -> KeyStateTable.check(op, KeyState.Enabled, ARN)).doesNotThrowAnyException();
        assertThatCode(() -> KeyStateTable.check(op, KeyState.Updating, ARN)).doesNotThrowAnyException();
        assertFails(() -> KeyStateTable.check(op, KeyState.Disabled, ARN), KmsError.Disabled, ARN + " is disabled.");
        assertFails(() -> KeyStateTable.check(op, KeyState.PendingDeletion, ARN), KmsError.KMSInvalidState,
                ARN + " is pending deletion.");
        assertFails(() -> KeyStateTable.check(op, KeyState.PendingReplicaDeletion, ARN), KmsError.KMSInvalidState,
                ARN + " is pending deletion.");
        assertFails(() -> KeyStateTable.check(op, KeyState.PendingImport, ARN), KmsError.KMSInvalidState,
                ARN + " is pending import.");
        assertFails(() -> KeyStateTable.check(op, KeyState.Unavailable, ARN), KmsError.KMSInvalidState,
                ARN + " is unavailable.");
        assertFails(() -> KeyStateTable.check(op, KeyState.Creating, ARN), KmsError.KMSInvalidState,
                ARN + " is creating.");
    }

    @ParameterizedTest
    @EnumSource(value = KeyOperation.class, names = {"DescribeKey", "GetKeyPolicy", "PutKeyPolicy",
            "ListResourceTags", "ListAliases", "DeleteAlias"})
    void readRowAllowsEveryState(KeyOperation op) {
        for (KeyState state : KeyState.values()) {
            assertThat(state.permits(op)).as("%s in %s", op, state).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(value = KeyOperation.class, names = {"CreateAlias", "UpdateAlias", "TagResource", "UntagResource",
            "UpdateKeyDescription"})
    void modifyRowFailsOnlyWhenPendingDeletion(KeyOperation op) {
        for (KeyState state : KeyState.values()) {
            assertThat(state.permits(op)).as("%s in %s", op, state).isEqualTo(!state.isPendingDeletion());
        }
        assertFails(() -> KeyStateTable.check(op, KeyState.PendingDeletion, ARN), KmsError.KMSInvalidState,
                ARN + " is pending deletion.");
    }

    @ParameterizedTest
    @EnumSource(value = KeyOperation.class, names = {"EnableKey", "DisableKey"})
    void enableAndDisableRow(KeyOperation op) {
        assertThat(KeyState.Enabled.permits(op)).isTrue();
        assertThat(KeyState.Disabled.permits(op)).isTrue(); // idempotent, §3.4
        assertThat(KeyState.Unavailable.permits(op)).isTrue();
        assertFails(() -> KeyStateTable.check(op, KeyState.PendingDeletion, ARN), KmsError.KMSInvalidState,
                ARN + " is pending deletion.");
        assertFails(() -> KeyStateTable.check(op, KeyState.PendingImport, ARN), KmsError.KMSInvalidState,
                ARN + " is pending import.");
        assertFails(() -> KeyStateTable.check(op, KeyState.Updating, ARN), KmsError.KMSInvalidState,
                ARN + " is updating.");
    }

    @Test
    void cancelKeyDeletionIsAllowedOnlyWhilePendingDeletion() {
        for (KeyState state : KeyState.values()) {
            assertThat(state.permits(KeyOperation.CancelKeyDeletion)).as("%s", state)
                    .isEqualTo(state.isPendingDeletion());
        }
        assertFails(() -> KeyStateTable.check(KeyOperation.CancelKeyDeletion, KeyState.Disabled, ARN),
                KmsError.KMSInvalidState, ARN + " is not pending deletion.");
    }

    @Test
    void scheduleKeyDeletionRequiresDisabledByDefault() {
        var e = io.kmsd.core.testing.KmsAssertions.failure(
                () -> KeyStateTable.checkScheduleDeletion(KeyState.Enabled, ARN, true), KmsError.KMSInvalidState);
        assertThat(e.getMessage()).startsWith(ARN + " is enabled.").contains("Disable the key");
        assertThatCode(() -> KeyStateTable.checkScheduleDeletion(KeyState.Enabled, ARN, false))
                .doesNotThrowAnyException();
        assertThatCode(() -> KeyStateTable.checkScheduleDeletion(KeyState.Disabled, ARN, true))
                .doesNotThrowAnyException();
        assertThatCode(() -> KeyStateTable.checkScheduleDeletion(KeyState.PendingImport, ARN, true))
                .doesNotThrowAnyException();
        assertFails(() -> KeyStateTable.checkScheduleDeletion(KeyState.PendingDeletion, ARN, false),
                KmsError.KMSInvalidState, ARN + " is pending deletion.");
        assertFails(() -> KeyStateTable.checkScheduleDeletion(KeyState.Updating, ARN, false),
                KmsError.KMSInvalidState, ARN + " is updating.");
    }

    @Test
    void rotationOnUnsupportedStatesIsAnUnsupportedOperationWithoutMessage() {
        assertFails(() -> KeyStateTable.check(KeyOperation.EnableKeyRotation, KeyState.PendingImport, ARN),
                KmsError.UnsupportedOperation, "");
        assertFails(() -> KeyStateTable.check(KeyOperation.EnableKeyRotation, KeyState.Disabled, ARN),
                KmsError.Disabled, ARN + " is disabled.");
    }

    @Test
    void everyOperationHasARow() {
        for (KeyOperation op : EnumSet.allOf(KeyOperation.class)) {
            for (KeyState state : KeyState.values()) {
                assertThatCode(() -> state.permits(op)).doesNotThrowAnyException();
            }
        }
    }
}
