package io.kmsd.api;

import static io.kmsd.api.SdkAssertions.fails;
import static io.kmsd.api.SdkAssertions.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.DryRunOperationException;
import software.amazon.awssdk.services.kms.model.EncryptResponse;
import software.amazon.awssdk.services.kms.model.EncryptionAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.IncorrectKeyException;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.kms.model.InvalidKeyUsageException;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.ReEncryptResponse;

/** Encrypt, Decrypt, ReEncrypt, data keys and random bytes through the real AWS SDK v2 (kms-api §4.4–4.5, §6.24–34). */
@ExtendWith(DropwizardExtensionsSupport.class)
class SdkCryptoTest {
    static final DropwizardAppExtension<KmsConfiguration> APP = TestServer.app();
    static final SdkBytes HELLO = SdkBytes.fromUtf8String("hello, kms");
    static KmsClient kms;

    static KmsClient kms() {
        if (kms == null) {
            kms = TestServer.client(APP, TestServer.alice());
        }
        return kms;
    }

    @AfterAll
    static void close() {
        kms().close();
    }

    static KeyMetadata newKey() {
        return kms().createKey(r -> { }).keyMetadata();
    }

    static EncryptResponse encrypt(KeyMetadata key, Map<String, String> context) {
        return kms().encrypt(r -> r.keyId(key.keyId()).plaintext(HELLO).encryptionContext(context));
    }

    @Test
    void encryptViaAliasAnswersTheKeyArn() { // kms-api §6.24
        KeyMetadata m = newKey();
        kms().createAlias(r -> r.aliasName("alias/crypto").targetKeyId(m.keyId()));
        EncryptResponse out = kms().encrypt(r -> r.keyId("alias/crypto").plaintext(HELLO));
        assertThat(out.keyId()).isEqualTo(m.arn());
        assertThat(out.encryptionAlgorithm()).isEqualTo(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT);
        assertThat(out.ciphertextBlob().asByteArray()).hasSizeGreaterThan(HELLO.asByteArray().length);
    }

    @Test
    void decryptNeedsNoKeyIdAndReturnsMaterialId() { // kms-api §6.25, §6.28
        KeyMetadata m = newKey();
        EncryptResponse out = encrypt(m, Map.of("purpose", "test"));
        DecryptResponse back = kms().decrypt(r -> r.ciphertextBlob(out.ciphertextBlob())
                .encryptionContext(Map.of("purpose", "test")));
        assertThat(back.plaintext()).isEqualTo(HELLO);
        assertThat(back.keyId()).isEqualTo(m.arn());
        assertThat(back.keyMaterialId()).isEqualTo(m.currentKeyMaterialId());
        assertThat(back.encryptionAlgorithm()).isEqualTo(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT);
    }

    @Test
    void decryptWithAnotherKeysIdIsIncorrectKey() { // kms-api §6.25
        KeyMetadata m = newKey();
        KeyMetadata other = newKey();
        EncryptResponse out = encrypt(m, Map.of());
        fails(IncorrectKeyException.class, "The key ID in the request does not identify a CMK that can perform this "
                + "operation.", () -> kms().decrypt(r -> r.ciphertextBlob(out.ciphertextBlob()).keyId(other.keyId())));
    }

    @Test
    void decryptWithAWrongContextFails() { // kms-api §6.26
        KeyMetadata m = newKey();
        EncryptResponse out = encrypt(m, Map.of("a", "1", "b", "2"));
        for (Map<String, String> wrong : java.util.List.of(Map.<String, String>of(), Map.of("a", "1"),
                Map.of("a", "1", "b", "2", "c", "3"), Map.of("a", "1", "b", "X"), Map.of("A", "1", "b", "2"))) {
            fails(InvalidCiphertextException.class, "",
                    () -> kms().decrypt(r -> r.ciphertextBlob(out.ciphertextBlob()).encryptionContext(wrong)));
        }
        assertThat(kms().decrypt(r -> r.ciphertextBlob(out.ciphertextBlob())
                .encryptionContext(new java.util.TreeMap<>(Map.of("b", "2", "a", "1")).descendingMap())).plaintext())
                .isEqualTo(HELLO);
    }

    @Test
    void randomBytesAreInvalidCiphertext() { // kms-api §6.27
        byte[] junk = new byte[150];
        new SecureRandom().nextBytes(junk);
        fails(InvalidCiphertextException.class, () -> kms().decrypt(r -> r.ciphertextBlob(SdkBytes.fromByteArray(junk))));
    }

    @Test
    void everyFlippedByteIsInvalidCiphertext() {
        KeyMetadata m = newKey();
        byte[] blob = encrypt(m, Map.of()).ciphertextBlob().asByteArray();
        for (int i = 38; i < blob.length; i += 7) {
            byte[] bad = blob.clone();
            bad[i] ^= 0x01;
            fails(InvalidCiphertextException.class, () -> kms().decrypt(r -> r.ciphertextBlob(SdkBytes.fromByteArray(bad))));
        }
    }

    @Test
    void plaintextOver4096BytesIsRefusedWithoutShowingIt() { // kms-api §6.9
        KeyMetadata m = newKey();
        failsWith("ValidationException", "1 validation error detected: Value at 'plaintext' failed to satisfy "
                + "constraint: Member must have length less than or equal to 4096",
                () -> kms().encrypt(r -> r.keyId(m.keyId()).plaintext(SdkBytes.fromByteArray(new byte[4097]))));
        assertThat(kms().encrypt(r -> r.keyId(m.keyId()).plaintext(SdkBytes.fromByteArray(new byte[4096])))
                .ciphertextBlob().asByteArray()).hasSizeLessThanOrEqualTo(6144);
    }

    @Test
    void asymmetricAlgorithmOnASymmetricKeyIsInvalidKeyUsage() { // kms-api §4.0
        KeyMetadata m = newKey();
        fails(InvalidKeyUsageException.class, "Algorithm RSAES_OAEP_SHA_256 is incompatible with key spec "
                + "SYMMETRIC_DEFAULT.", () -> kms().encrypt(r -> r.keyId(m.keyId()).plaintext(HELLO)
                .encryptionAlgorithm(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256)));
    }

    @Test
    void reEncryptMovesTheCiphertextToTheDestinationKey() { // kms-api §6.31
        KeyMetadata source = newKey();
        KeyMetadata destination = newKey();
        EncryptResponse out = encrypt(source, Map.of("side", "source"));
        ReEncryptResponse moved = kms().reEncrypt(r -> r.ciphertextBlob(out.ciphertextBlob())
                .sourceEncryptionContext(Map.of("side", "source")).destinationKeyId(destination.arn())
                .destinationEncryptionContext(Map.of("side", "destination")));
        assertThat(moved.sourceKeyId()).isEqualTo(source.arn());
        assertThat(moved.keyId()).isEqualTo(destination.arn());
        assertThat(moved.sourceKeyMaterialId()).isEqualTo(source.currentKeyMaterialId());
        assertThat(moved.destinationKeyMaterialId()).isEqualTo(destination.currentKeyMaterialId());
        DecryptResponse back = kms().decrypt(r -> r.ciphertextBlob(moved.ciphertextBlob())
                .encryptionContext(Map.of("side", "destination")));
        assertThat(back.plaintext()).isEqualTo(HELLO);
        assertThat(back.keyId()).isEqualTo(destination.arn());
        fails(IncorrectKeyException.class, () -> kms().decrypt(r -> r.ciphertextBlob(moved.ciphertextBlob())
                .encryptionContext(Map.of("side", "destination")).keyId(source.keyId())));
    }

    @Test
    void reEncryptWithTheWrongSourceContextFails() {
        KeyMetadata key = newKey();
        EncryptResponse out = encrypt(key, Map.of("x", "1"));
        fails(InvalidCiphertextException.class, () -> kms().reEncrypt(r -> r.ciphertextBlob(out.ciphertextBlob())
                .destinationKeyId(key.keyId())));
    }

    @Test
    void dataKeyPlaintextIsWhatItsCiphertextDecryptsTo() { // kms-api §6.32
        KeyMetadata m = newKey();
        GenerateDataKeyResponse dk = kms().generateDataKey(r -> r.keyId(m.keyId()).keySpec(DataKeySpec.AES_256)
                .encryptionContext(Map.of("file", "a")));
        assertThat(dk.plaintext().asByteArray()).hasSize(32);
        assertThat(dk.keyId()).isEqualTo(m.arn());
        assertThat(kms().decrypt(r -> r.ciphertextBlob(dk.ciphertextBlob()).encryptionContext(Map.of("file", "a")))
                .plaintext()).isEqualTo(dk.plaintext());
        assertThat(kms().generateDataKey(r -> r.keyId(m.keyId()).keySpec(DataKeySpec.AES_128)).plaintext()
                .asByteArray()).hasSize(16);
        assertThat(kms().generateDataKey(r -> r.keyId(m.keyId()).numberOfBytes(7)).plaintext().asByteArray()).hasSize(7);
    }

    @Test
    void dataKeyNeedsExactlyOneSize() { // kms-api §6.32
        KeyMetadata m = newKey();
        failsWith("ValidationException", "Please specify either number of bytes or key spec.",
                () -> kms().generateDataKey(r -> r.keyId(m.keyId())));
        failsWith("ValidationException", "Please specify either number of bytes or key spec.",
                () -> kms().generateDataKey(r -> r.keyId(m.keyId()).numberOfBytes(32).keySpec(DataKeySpec.AES_256)));
    }

    @Test
    void dataKeyWithoutPlaintextDecrypts() {
        KeyMetadata m = newKey();
        var dk = kms().generateDataKeyWithoutPlaintext(r -> r.keyId(m.keyId()).keySpec(DataKeySpec.AES_256));
        assertThat(dk.keyId()).isEqualTo(m.arn());
        assertThat(kms().decrypt(r -> r.ciphertextBlob(dk.ciphertextBlob())).plaintext().asByteArray()).hasSize(32);
    }

    @Test
    void generateRandomSizes() { // kms-api §6.34
        assertThat(kms().generateRandom(r -> r.numberOfBytes(1024)).plaintext().asByteArray()).hasSize(1024);
        failsWith("ValidationException", "NumberOfBytes is required.", () -> kms().generateRandom(r -> { }));
        failsWith("ValidationException", "1 validation error detected: Value '0' at 'numberOfBytes' failed to "
                + "satisfy constraint: Member must have value greater than or equal to 1",
                () -> kms().generateRandom(r -> r.numberOfBytes(0)));
        failsWith("ValidationException", "1 validation error detected: Value '1025' at 'numberOfBytes' failed to "
                + "satisfy constraint: Member must have value less than or equal to 1024",
                () -> kms().generateRandom(r -> r.numberOfBytes(1025)));
    }

    @Test
    void dryRunChecksEverythingAndDoesNothing() { // kms-api §6.41
        KeyMetadata m = newKey();
        fails(DryRunOperationException.class, "The request would have succeeded, but the DryRun option is set.",
                () -> kms().encrypt(r -> r.keyId(m.keyId()).plaintext(HELLO).dryRun(true)));
        EncryptResponse out = encrypt(m, Map.of());
        fails(DryRunOperationException.class, () -> kms().decrypt(r -> r.ciphertextBlob(out.ciphertextBlob())
                .dryRun(true)));
        fails(DryRunOperationException.class, () -> kms().generateDataKey(r -> r.keyId(m.keyId()).numberOfBytes(8)
                .dryRun(true)));
    }
}
