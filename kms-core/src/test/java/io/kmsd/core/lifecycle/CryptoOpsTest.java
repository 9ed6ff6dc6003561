package io.kmsd.core.lifecycle;

import static io.kmsd.core.testing.Ids.ACCOUNT;
import static io.kmsd.core.testing.Ids.OTHER_ACCOUNT;
import static io.kmsd.core.testing.Ids.OTHER_REGION;
import static io.kmsd.core.testing.Ids.REGION;
import static io.kmsd.core.testing.KmsAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmsd.core.DataKey;
import io.kmsd.core.Encrypted;
import io.kmsd.core.NewKey;
import io.kmsd.core.crypto.EncryptionContext;
import io.kmsd.core.crypto.Plaintext;
import io.kmsd.core.error.KmsError;
import io.kmsd.core.key.KeyArn;
import io.kmsd.core.key.Origin;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Encrypt, Decrypt, GenerateDataKey, GenerateRandom through the service (kms-api §4.4, §4.5, §3.4). */
class CryptoOpsTest extends H2Fixture {
    private static final EncryptionContext CTX = EncryptionContext.of(Map.of("tenant", "a", "purpose", "b"));
    private KeyArn key;

    @BeforeEach
    void createKey() {
        key = keys.createKey(NewKey.symmetric(ACCOUNT, REGION)).arn();
    }

    private Encrypted encrypt(byte[] plaintext) {
        return keys.encrypt(key, Plaintext.of(plaintext), CTX);
    }

    @Test
    void roundTripReportsKeyAndMaterial() {
        Encrypted e = encrypt(new byte[] {1, 2, 3});
        var d = keys.decrypt(key, e.ciphertextBlob(), EncryptionContext.of(Map.of("purpose", "b", "tenant", "a")));
        assertThat(d.plaintext().bytes()).containsExactly(1, 2, 3);
        assertThat(d.key()).isEqualTo(key);
        assertThat(d.keyMaterialId()).isEqualTo(e.keyMaterialId()).isEqualTo(keys.describe(key).currentKeyMaterialId());
    }

    @Test
    void wrongContextIsInvalidCiphertext() {
        byte[] blob = encrypt(new byte[] {1}).ciphertextBlob();
        assertFails(() -> keys.decrypt(key, blob, EncryptionContext.empty()), KmsError.InvalidCiphertext, "");
        assertFails(() -> keys.decrypt(key, blob, EncryptionContext.of(Map.of("tenant", "A", "purpose", "b"))),
                KmsError.InvalidCiphertext, "");
    }

    @Test
    void decryptWithAnotherKeyIsIncorrectKey() {
        KeyArn other = keys.createKey(NewKey.symmetric(ACCOUNT, REGION)).arn();
        byte[] blob = encrypt(new byte[] {1}).ciphertextBlob();
        assertFails(() -> keys.decrypt(other, blob, CTX), KmsError.IncorrectKey,
                "The key ID in the request does not identify a CMK that can perform this operation.");
    }

    @Test
    void randomBytesAreInvalidCiphertext() {
        assertFails(() -> keys.decrypt(key, keys.generateRandom(200).bytes(), CTX), KmsError.InvalidCiphertext, "");
    }

    @Test
    void disabledKeyRefusesCryptoWithTheTableMessages() {
        byte[] blob = encrypt(new byte[] {1}).ciphertextBlob();
        keys.disable(key);
        assertFails(() -> encrypt(new byte[] {1}), KmsError.Disabled, key + " is disabled.");
        assertFails(() -> keys.decrypt(key, blob, CTX), KmsError.Disabled, key + " is disabled.");
        assertFails(() -> keys.generateDataKey(key, 32, CTX), KmsError.Disabled, key + " is disabled.");
        keys.enable(key);
        assertThat(keys.decrypt(key, blob, CTX).plaintext().bytes()).containsExactly(1);
    }

    @Test
    void pendingDeletionKeyRefusesCrypto() {
        keys.disable(key);
        keys.scheduleDeletion(key, 7);
        assertFails(() -> encrypt(new byte[] {1}), KmsError.KMSInvalidState, key + " is pending deletion.");
    }

    @Test
    void externalKeyWithoutMaterialIsPendingImport() {
        var m = keys.createKey(new NewKey(ACCOUNT, REGION, null, null, null, Origin.EXTERNAL, null, null, false));
        assertThat(m.enabled()).isFalse();
        assertThat(m.currentKeyMaterialId()).isNull();
        assertFails(() -> keys.encrypt(m.arn(), Plaintext.of(new byte[] {1}), CTX), KmsError.KMSInvalidState,
                m.arn() + " is pending import.");
    }

    @Test
    void plaintextLimitIsEnforcedByCoreToo() {
        assertFails(() -> encrypt(new byte[4097]), KmsError.Validation, "1 validation error detected: Value at "
                + "'plaintext' failed to satisfy constraint: Member must have length less than or equal to 4096");
        assertFails(() -> encrypt(new byte[0]), KmsError.Validation, "1 validation error detected: Value at "
                + "'plaintext' failed to satisfy constraint: Member must have length greater than or equal to 1");
        assertThat(encrypt(new byte[4096]).ciphertextBlob()).hasSize(4096 + 98);
    }

    @Test
    void dataKeyDecryptsToItsPlaintext() {
        DataKey dk = keys.generateDataKey(key, 32, CTX);
        assertThat(dk.plaintext().length()).isEqualTo(32);
        assertThat(keys.decrypt(key, dk.ciphertextBlob(), CTX).plaintext()).isEqualTo(dk.plaintext());
        assertThat(dk.toString()).doesNotContain(java.util.HexFormat.of().formatHex(dk.plaintext().bytes()));
    }

    @Test
    void numberOfBytesOutsideOneTo1024Fails() {
        assertFails(() -> keys.generateRandom(0), KmsError.Validation, "1 validation error detected: Value '0' at "
                + "'numberOfBytes' failed to satisfy constraint: Member must have value greater than or equal to 1");
        assertFails(() -> keys.generateRandom(1025), KmsError.Validation, "1 validation error detected: Value '1025' "
                + "at 'numberOfBytes' failed to satisfy constraint: Member must have value less than or equal to 1024");
        assertFails(() -> keys.generateDataKey(key, 1025, CTX), KmsError.Validation, "1 validation error detected: "
                + "Value '1025' at 'numberOfBytes' failed to satisfy constraint: Member must have value less than or "
                + "equal to 1024");
        assertThat(keys.generateRandom(1024).length()).isEqualTo(1024);
    }

    @Test
    void randomBytesDiffer() {
        assertThat(keys.generateRandom(32)).isNotEqualTo(keys.generateRandom(32));
    }

    @Test
    void keyOfCiphertextFindsTheOwnerInAnyAccountButOnlyInItsRegion() {
        KeyArn theirs = keys.createKey(NewKey.symmetric(OTHER_ACCOUNT, REGION)).arn();
        byte[] blob = keys.encrypt(theirs, Plaintext.of(new byte[] {1}), CTX).ciphertextBlob();
        assertThat(keys.keyOfCiphertext(blob, REGION)).contains(theirs);
        assertThat(keys.keyOfCiphertext(blob, OTHER_REGION)).isEmpty();
        assertThat(keys.keyOfCiphertext(new byte[] {1, 2, 3}, REGION)).isEmpty();
    }

    @Test
    void plaintextNeverPrintsItsBytes() {
        Plaintext p = Plaintext.of("top secret".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(p.toString()).isEqualTo("Plaintext[10 bytes]");
        assertThat(List.of(p).toString()).doesNotContain("top secret");
    }
}
