package io.kmsd.core.crypto;

import static io.kmsd.core.testing.KmsAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmsd.core.error.KmsError;
import io.kmsd.core.key.KeyArn;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import org.junit.jupiter.api.Test;

/** The blob layout of kms-api §3.5 and the rules about keys and materials. */
class SymmetricCiphertextTest {
    private final KeyArn arn = TestKeys.newArn();
    private final KeyRing ring = TestKeys.ring(arn);

    @Test
    void blobHasTheDocumentedLayoutAndDecryptsWithPlainAesGcm() throws Exception {
        EncryptionContext ctx = EncryptionContext.of(Map.of("k", "v"));
        byte[] plaintext = "hello".getBytes(StandardCharsets.UTF_8);
        byte[] blob = SymmetricCiphertext.seal(ring, plaintext, ctx);
        KeyMaterial m = ring.current();
        assertThat(blob).hasSize(98 + plaintext.length);
        assertThat(blob[0]).isEqualTo((byte) 1);
        assertThat(blob[1]).isEqualTo((byte) 36);
        assertThat(new String(blob, 2, 36, StandardCharsets.US_ASCII)).isEqualTo(arn.keyId().value());
        assertThat(HexFormat.of().formatHex(blob, 38, 70)).isEqualTo(m.materialId());
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.DECRYPT_MODE, m.key(), new GCMParameterSpec(128, blob, 70, 12));
        gcm.updateAAD(blob, 0, 70);
        gcm.updateAAD(new byte[] {0, 1, 'k', 0, 1, 'v'});
        assertThat(gcm.doFinal(blob, 82, blob.length - 82)).isEqualTo(plaintext);
    }

    @Test
    void eachEncryptionUsesAFreshIv() {
        byte[] a = SymmetricCiphertext.seal(ring, new byte[] {1}, EncryptionContext.empty());
        byte[] b = SymmetricCiphertext.seal(ring, new byte[] {1}, EncryptionContext.empty());
        assertThat(Arrays.copyOfRange(a, 70, 82)).isNotEqualTo(Arrays.copyOfRange(b, 70, 82));
    }

    @Test
    void blobOfAnotherKeyIsAnIncorrectKey() {
        byte[] foreign = SymmetricCiphertext.seal(TestKeys.ring(), new byte[] {1}, EncryptionContext.empty());
        assertFails(() -> SymmetricCiphertext.open(ring, foreign, EncryptionContext.empty()), KmsError.IncorrectKey,
                "The key ID in the request does not identify a CMK that can perform this operation.");
    }

    @Test
    void blobNamingAnUnknownMaterialOfTheSameKeyIsInvalid() {
        KeyRing otherMaterial = new KeyRing(arn.keyId(), List.of(TestKeys.VAULT.generate(arn, 1).material()));
        byte[] blob = SymmetricCiphertext.seal(otherMaterial, new byte[] {1}, EncryptionContext.empty());
        assertFails(() -> SymmetricCiphertext.open(ring, blob, EncryptionContext.empty()), KmsError.InvalidCiphertext,
                "");
    }

    @Test
    void olderMaterialsStillDecryptAndTheNewestEncrypts() {
        KeyMaterial v1 = ring.current();
        KeyMaterial v2 = TestKeys.VAULT.generate(arn, 2).material();
        byte[] old = SymmetricCiphertext.seal(ring, new byte[] {7}, EncryptionContext.empty());
        KeyRing rotated = new KeyRing(arn.keyId(), List.of(v1, v2));
        assertThat(rotated.current()).isSameAs(v2);
        var opened = SymmetricCiphertext.open(rotated, old, EncryptionContext.empty());
        assertThat(opened.material()).isSameAs(v1);
        byte[] fresh = SymmetricCiphertext.seal(rotated, new byte[] {7}, EncryptionContext.empty());
        assertThat(HexFormat.of().formatHex(fresh, 38, 70)).isEqualTo(v2.materialId());
    }

    @Test
    void wrongVersionByteIsInvalid() {
        byte[] blob = SymmetricCiphertext.seal(ring, new byte[] {1}, EncryptionContext.empty());
        blob[0] = 2;
        assertFails(() -> SymmetricCiphertext.open(ring, blob, EncryptionContext.empty()), KmsError.InvalidCiphertext,
                "");
        assertThat(SymmetricCiphertext.keyIdOf(blob)).isEmpty();
    }

    @Test
    void keyIdIsReadFromAWellFormedBlobOnly() {
        byte[] blob = SymmetricCiphertext.seal(ring, new byte[] {1}, EncryptionContext.empty());
        assertThat(SymmetricCiphertext.keyIdOf(blob)).contains(arn.keyId());
        assertThat(SymmetricCiphertext.keyIdOf(Arrays.copyOf(blob, 97))).isEmpty();
        assertThat(SymmetricCiphertext.keyIdOf(new byte[0])).isEmpty();
        assertThat(SymmetricCiphertext.keyIdOf(null)).isEmpty();
    }
}
