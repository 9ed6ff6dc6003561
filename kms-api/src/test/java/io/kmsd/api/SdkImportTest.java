package io.kmsd.api;

import static io.kmsd.api.ImportWrapping.randomBytes;
import static io.kmsd.api.SdkAssertions.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.kmsd.api.lifecycle.MaterialExpiryJob;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AlgorithmSpec;
import software.amazon.awssdk.services.kms.model.ExpirationModelType;
import software.amazon.awssdk.services.kms.model.GetParametersForImportResponse;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.OriginType;
import software.amazon.awssdk.services.kms.model.WrappingKeySpec;

/**
 * Imported key material end to end with the AWS SDK (kms-api §4.10, §6.13, §6.56–§6.58): a 32-byte key made and
 * wrapped locally with the returned public key, every wrapping algorithm, each import error, deletion, expiry
 * (the server's clock moved by the test) and re-import of the same material.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SdkImportTest {
    static final ClockedServer SERVER = new ClockedServer();
    static final DropwizardAppExtension<KmsConfiguration> APP = SERVER.app;
    static final String NEVER = "KEY_MATERIAL_DOES_NOT_EXPIRE";
    static KmsClient kms;

    @BeforeAll
    static void client() {
        kms = TestServer.client(APP, TestServer.alice());
    }

    @AfterAll
    static void close() {
        kms.close();
    }

    static String externalKey() {
        return kms.createKey(r -> r.origin(OriginType.EXTERNAL)).keyMetadata().arn();
    }

    static GetParametersForImportResponse parameters(String key, AlgorithmSpec algorithm, WrappingKeySpec spec) {
        return kms.getParametersForImport(r -> r.keyId(key).wrappingAlgorithm(algorithm).wrappingKeySpec(spec));
    }

    static SdkBytes wrapped(GetParametersForImportResponse p, AlgorithmSpec algorithm, byte[] material) {
        return SdkBytes.fromByteArray(ImportWrapping.wrapUnchecked(p.publicKey().asByteArray(), algorithm, material));
    }

    static String importMaterial(String key, AlgorithmSpec algorithm, byte[] material) {
        GetParametersForImportResponse p = parameters(key, algorithm, WrappingKeySpec.RSA_2048);
        SdkBytes wrapped = wrapped(p, algorithm, material);
        return kms.importKeyMaterial(r -> r.keyId(key).importToken(p.importToken()).encryptedKeyMaterial(wrapped)
                .expirationModel(NEVER)).keyMaterialId();
    }

    static SdkBytes encrypt(String key, String text) {
        return kms.encrypt(r -> r.keyId(key).plaintext(SdkBytes.fromUtf8String(text))).ciphertextBlob();
    }

    static String decrypt(SdkBytes blob) {
        return kms.decrypt(r -> r.ciphertextBlob(blob)).plaintext().asUtf8String();
    }

    static KeyMetadata describe(String key) {
        return kms.describeKey(r -> r.keyId(key)).keyMetadata();
    }

    @Test
    void externalKeyWaitsForItsMaterial() {
        // kms-api §6.13, §6.19
        String key = externalKey();
        KeyMetadata m = describe(key);
        assertThat(m.keyState()).isEqualTo(KeyState.PENDING_IMPORT);
        assertThat(m.enabled()).isFalse();
        assertThat(m.currentKeyMaterialId()).isNull();
        assertThat(m.expirationModel()).isNull();
        failsWith("KMSInvalidStateException", key + " is pending import.", () -> encrypt(key, "x"));
    }

    @Test
    void parametersAreValid24HoursAndOnlyForExternalKeys() {
        // kms-api §6.56
        String key = externalKey();
        GetParametersForImportResponse p = parameters(key, AlgorithmSpec.RSAES_OAEP_SHA_256, WrappingKeySpec.RSA_4096);
        assertThat(p.keyId()).isEqualTo(key);
        assertThat(p.importToken().asByteArray()).isNotEmpty();
        Instant expected = SERVER.clock.instant().plus(Duration.ofHours(24));
        assertThat(Duration.between(expected, p.parametersValidTo()).abs()).isLessThan(Duration.ofMinutes(1));
        String aws = kms.createKey(r -> r.description("not external")).keyMetadata().arn();
        failsWith("UnsupportedOperationException", aws + " origin is AWS_KMS which is not valid for this operation.",
                () -> parameters(aws, AlgorithmSpec.RSAES_OAEP_SHA_256, WrappingKeySpec.RSA_2048));
        failsWith("ValidationException", null,
                () -> parameters(key, AlgorithmSpec.RSAES_PKCS1_V1_5, WrappingKeySpec.RSA_2048));
        failsWith("UnsupportedOperationException", null,
                () -> parameters(key, AlgorithmSpec.SM2_PKE, WrappingKeySpec.SM2));
    }

    @Test
    void everyWrappingAlgorithmImportsAndTheKeyThenEncryptsAndDecrypts() {
        for (AlgorithmSpec algorithm : new AlgorithmSpec[] {AlgorithmSpec.RSAES_OAEP_SHA_1,
                AlgorithmSpec.RSAES_OAEP_SHA_256, AlgorithmSpec.RSA_AES_KEY_WRAP_SHA_1,
                AlgorithmSpec.RSA_AES_KEY_WRAP_SHA_256}) {
            String key = externalKey();
            String materialId = importMaterial(key, algorithm, randomBytes(32));
            KeyMetadata m = describe(key);
            assertThat(m.keyState()).as(algorithm.toString()).isEqualTo(KeyState.ENABLED);
            assertThat(m.currentKeyMaterialId()).isEqualTo(materialId);
            assertThat(m.expirationModel()).isEqualTo(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE); // §6.57
            assertThat(m.validTo()).isNull();
            SdkBytes blob = encrypt(key, "imported " + algorithm);
            assertThat(decrypt(blob)).isEqualTo("imported " + algorithm);
            assertThat(kms.decrypt(r -> r.ciphertextBlob(blob)).keyMaterialId()).isEqualTo(materialId);
        }
    }

    @Test
    void defaultExpirationModelNeedsValidTo() {
        // kms-api §6.57
        String key = externalKey();
        GetParametersForImportResponse p = parameters(key, AlgorithmSpec.RSAES_OAEP_SHA_256, WrappingKeySpec.RSA_2048);
        SdkBytes wrapped = wrapped(p, AlgorithmSpec.RSAES_OAEP_SHA_256, randomBytes(32));
        failsWith("ValidationException", "A validTo date must be set if the ExpirationModel is KEY_MATERIAL_EXPIRES",
                () -> kms.importKeyMaterial(r -> r.keyId(key).importToken(p.importToken()).encryptedKeyMaterial(wrapped)));
        failsWith("ValidationException", null, () -> kms.importKeyMaterial(r -> r.keyId(key)
                .importToken(p.importToken()).encryptedKeyMaterial(wrapped).expirationModel(NEVER)
                .validTo(SERVER.clock.instant().plus(Duration.ofDays(1)))));
    }

    @Test
    void unwrappableMaterialIsInvalidCiphertext() {
        String key = externalKey();
        GetParametersForImportResponse p = parameters(key, AlgorithmSpec.RSAES_OAEP_SHA_256, WrappingKeySpec.RSA_2048);
        failsWith("InvalidCiphertextException", null, () -> kms.importKeyMaterial(r -> r.keyId(key)
                .importToken(p.importToken()).encryptedKeyMaterial(SdkBytes.fromByteArray(randomBytes(256)))
                .expirationModel(NEVER)));
        assertThat(describe(key).keyState()).isEqualTo(KeyState.PENDING_IMPORT);
    }

    @Test
    void foreignForgedAndExpiredTokensAreRefused() {
        String key = externalKey();
        String other = externalKey();
        GetParametersForImportResponse p = parameters(key, AlgorithmSpec.RSAES_OAEP_SHA_256, WrappingKeySpec.RSA_2048);
        SdkBytes wrapped = wrapped(p, AlgorithmSpec.RSAES_OAEP_SHA_256, randomBytes(32));
        failsWith("InvalidImportTokenException", null, () -> kms.importKeyMaterial(r -> r.keyId(other)
                .importToken(p.importToken()).encryptedKeyMaterial(wrapped).expirationModel(NEVER)));
        byte[] forged = p.importToken().asByteArray();
        forged[forged.length - 1] ^= 1;
        failsWith("InvalidImportTokenException", null, () -> kms.importKeyMaterial(r -> r.keyId(key)
                .importToken(SdkBytes.fromByteArray(forged)).encryptedKeyMaterial(wrapped).expirationModel(NEVER)));
        SERVER.clock.advance(Duration.ofHours(25));
        failsWith("ExpiredImportTokenException", null, () -> kms.importKeyMaterial(r -> r.keyId(key)
                .importToken(p.importToken()).encryptedKeyMaterial(wrapped).expirationModel(NEVER)));
    }

    @Test
    void deletedMaterialStopsDecryptionAndOnlyTheSameMaterialRestoresIt() {
        // kms-api §6.58
        String key = externalKey();
        byte[] material = randomBytes(32);
        String materialId = importMaterial(key, AlgorithmSpec.RSAES_OAEP_SHA_256, material);
        SdkBytes blob = encrypt(key, "kept");
        var deleted = kms.deleteImportedKeyMaterial(r -> r.keyId(key));
        assertThat(deleted.keyId()).isEqualTo(key);
        assertThat(deleted.keyMaterialId()).isEqualTo(materialId);
        assertThat(describe(key).keyState()).isEqualTo(KeyState.PENDING_IMPORT);
        failsWith("KMSInvalidStateException", key + " is pending import.", () -> decrypt(blob));
        failsWith("IncorrectKeyMaterialException", null,
                () -> importMaterial(key, AlgorithmSpec.RSAES_OAEP_SHA_256, randomBytes(32)));
        GetParametersForImportResponse p = parameters(key, AlgorithmSpec.RSAES_OAEP_SHA_256, WrappingKeySpec.RSA_2048);
        failsWith("ValidationException", "KeyMaterialId can only be specified with ImportType EXISTING_KEY_MATERIAL.",
                () -> kms.importKeyMaterial(r -> r.keyId(key).importToken(p.importToken()).keyMaterialId(materialId)
                        .encryptedKeyMaterial(wrapped(p, AlgorithmSpec.RSAES_OAEP_SHA_256, material))
                        .expirationModel(NEVER)));
        assertThat(importMaterial(key, AlgorithmSpec.RSA_AES_KEY_WRAP_SHA_256, material)).isEqualTo(materialId);
        assertThat(describe(key).keyState()).isEqualTo(KeyState.ENABLED);
        assertThat(decrypt(blob)).isEqualTo("kept");
    }

    @Test
    void materialPastItsValidToIsDeletedByTheExpiryJob() {
        String key = externalKey();
        GetParametersForImportResponse p = parameters(key, AlgorithmSpec.RSAES_OAEP_SHA_1, WrappingKeySpec.RSA_3072);
        SdkBytes wrapped = wrapped(p, AlgorithmSpec.RSAES_OAEP_SHA_1, randomBytes(32));
        kms.importKeyMaterial(r -> r.keyId(key).importToken(p.importToken()).encryptedKeyMaterial(wrapped)
                .expirationModel(ExpirationModelType.KEY_MATERIAL_EXPIRES)
                .validTo(SERVER.clock.instant().plus(Duration.ofDays(2))));
        SdkBytes blob = encrypt(key, "expiring");
        KeyMetadata imported = describe(key);
        assertThat(imported.expirationModel()).isEqualTo(ExpirationModelType.KEY_MATERIAL_EXPIRES);
        assertThat(Duration.between(SERVER.clock.instant().plus(Duration.ofDays(2)), imported.validTo()).abs())
                .isLessThan(Duration.ofMinutes(1));
        MaterialExpiryJob job = SERVER.job(MaterialExpiryJob.class);
        SERVER.clock.advance(Duration.ofDays(1));
        job.runOnce();
        assertThat(decrypt(blob)).isEqualTo("expiring");
        SERVER.clock.advance(Duration.ofDays(2));
        assertThat(job.runOnce()).isPositive();
        assertThat(describe(key).keyState()).isEqualTo(KeyState.PENDING_IMPORT);
        assertThat(describe(key).validTo()).isNull();
        failsWith("KMSInvalidStateException", key + " is pending import.", () -> decrypt(blob));
    }

    @Test
    void importOperationsOnAnAwsKmsKeyAreUnsupported() {
        String aws = kms.createKey(r -> r.tags(t -> t.tagKey("k").tagValue("v"))).keyMetadata().arn();
        failsWith("UnsupportedOperationException", aws + " origin is AWS_KMS which is not valid for this operation.",
                () -> kms.deleteImportedKeyMaterial(r -> r.keyId(aws)));
        assertThat(describe(aws).keyState()).isEqualTo(KeyState.ENABLED);
    }
}
