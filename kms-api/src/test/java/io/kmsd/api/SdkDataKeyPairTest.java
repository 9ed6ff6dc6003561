package io.kmsd.api;

import static io.kmsd.api.SdkAssertions.fails;
import static io.kmsd.api.SdkAssertions.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.security.PrivateKey;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DryRunOperationException;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyPairResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyPairWithoutPlaintextResponse;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.kms.model.InvalidKeyUsageException;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.UnsupportedOperationException;

/**
 * GenerateDataKeyPair and GenerateDataKeyPairWithoutPlaintext for every DataKeyPairSpec through the real AWS SDK
 * v2 (kms-api §4.5, §6.33): the JDK/BouncyCastle load both halves, sign with the private and verify with the
 * public one, and the ciphertext decrypts (with its context only) to exactly the PKCS#8 private key.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SdkDataKeyPairTest {
    static final DropwizardAppExtension<KmsConfiguration> APP = TestServer.app();
    static final Map<String, String> CONTEXT = Map.of("purpose", "data-key-pair");
    static final LazyKms KMS = new LazyKms(APP, TestServer.alice());
    static KeyMetadata key;

    static KmsClient kms() {
        return KMS.get();
    }

    static KeyMetadata key() {
        if (key == null) {
            key = kms().createKey(r -> { }).keyMetadata();
        }
        return key;
    }

    @AfterAll
    static void close() {
        KMS.close();
        key = null;
    }

    @ParameterizedTest
    @CsvSource({"RSA_2048, RSASSA_PSS_SHA_256", "RSA_3072, RSASSA_PKCS1_V1_5_SHA_384",
            "RSA_4096, RSASSA_PSS_SHA_512", "ECC_NIST_P256, ECDSA_SHA_256", "ECC_NIST_P384, ECDSA_SHA_384",
            "ECC_NIST_P521, ECDSA_SHA_512", "ECC_SECG_P256K1, ECDSA_SHA_256", "ECC_NIST_EDWARDS25519, ED25519_SHA_512"})
    void eachPairIsAUsableKeyPairWhosePrivateHalfDecrypts(String spec, String algorithm) throws Exception {
        GenerateDataKeyPairResponse pair = kms().generateDataKeyPair(r -> r.keyId(key().keyId()).keyPairSpec(spec)
                .encryptionContext(CONTEXT)); // §6.33
        assertThat(pair.keyId()).isEqualTo(key().arn());
        assertThat(pair.keyPairSpecAsString()).isEqualTo(spec);
        assertThat(pair.keyMaterialId()).isEqualTo(key().currentKeyMaterialId());
        byte[] pkcs8 = pair.privateKeyPlaintext().asByteArray();
        byte[] spki = pair.publicKey().asByteArray();
        assertUsablePair(spec, algorithm, pkcs8, spki);
        assertThat(kms().decrypt(r -> r.ciphertextBlob(pair.privateKeyCiphertextBlob()).encryptionContext(CONTEXT))
                .plaintext().asByteArray()).isEqualTo(pkcs8);
        fails(InvalidCiphertextException.class, () -> kms().decrypt(r -> r
                .ciphertextBlob(pair.privateKeyCiphertextBlob())));
        GenerateDataKeyPairWithoutPlaintextResponse bare = kms().generateDataKeyPairWithoutPlaintext(r -> r
                .keyId(key().arn()).keyPairSpec(spec));
        assertThat(bare.keyPairSpecAsString()).isEqualTo(spec);
        assertThat(bare.publicKey()).isNotEqualTo(pair.publicKey());
        byte[] sealed = kms().decrypt(r -> r.ciphertextBlob(bare.privateKeyCiphertextBlob())).plaintext().asByteArray();
        assertUsablePair(spec, algorithm, sealed, bare.publicKey().asByteArray());
    }

    private static void assertUsablePair(String spec, String algorithm, byte[] pkcs8, byte[] spki) throws Exception {
        PrivateKey privateKey = LocalCrypto.privateKey(spec, pkcs8);
        assertThat(privateKey.getEncoded()).as("PKCS#8 DER").isNotEmpty();
        assertThat(LocalCrypto.publicKey(spec, spki).getEncoded()).as("SPKI DER").isEqualTo(spki);
        byte[] message = LocalCrypto.random(200);
        byte[] signature = LocalCrypto.sign(algorithm, spec, privateKey, message);
        assertThat(LocalCrypto.verify(algorithm, spec, spki, message, signature)).isTrue();
    }

    @Test
    void onlyASymmetricEncryptionKeyMakesPairs() { // §4.5
        KeyMetadata signing = kms().createKey(r -> r.keySpec("ECC_NIST_P256").keyUsage(KeyUsageType.SIGN_VERIFY))
                .keyMetadata();
        fails(InvalidKeyUsageException.class, signing.arn() + " key usage is SIGN_VERIFY which is not valid for "
                + "GenerateDataKeyPair.", () -> kms().generateDataKeyPair(r -> r.keyId(signing.keyId())
                .keyPairSpec("ECC_NIST_P256")));
        KeyMetadata hmac = kms().createKey(r -> r.keySpec("HMAC_256").keyUsage(KeyUsageType.GENERATE_VERIFY_MAC))
                .keyMetadata();
        fails(InvalidKeyUsageException.class, hmac.arn() + " key usage is GENERATE_VERIFY_MAC which is not valid for "
                + "GenerateDataKeyPairWithoutPlaintext.", () -> kms().generateDataKeyPairWithoutPlaintext(r -> r
                .keyId(hmac.keyId()).keyPairSpec("ECC_NIST_P256").dryRun(true)));
    }

    @Test
    void theModelAndTheServerDecideWhichSpecs() { // §1.3, §3.2
        failsWith("ValidationException", "1 validation error detected: Value null at 'keyPairSpec' failed to "
                + "satisfy constraint: Member must not be null", () -> kms().generateDataKeyPair(r -> r
                .keyId(key().keyId())));
        failsWith("ValidationException", "1 validation error detected: Value 'ML_DSA_44' at 'keyPairSpec' failed "
                + "to satisfy constraint: Member must satisfy enum value set: [RSA_2048, RSA_3072, RSA_4096, "
                + "ECC_NIST_P256, ECC_NIST_P384, ECC_NIST_P521, ECC_SECG_P256K1, SM2, ECC_NIST_EDWARDS25519]",
                () -> kms().generateDataKeyPair(r -> r.keyId(key().keyId()).keyPairSpec("ML_DSA_44")));
        fails(UnsupportedOperationException.class, "KeyPairSpec SM2 is not enabled on this server (configuration "
                + "kms.crypto.allowSm2 is false).", () -> kms().generateDataKeyPair(r -> r.keyId(key().keyId())
                .keyPairSpec("SM2")));
    }

    @Test
    void dryRunMakesNoPair() { // §4.0
        fails(DryRunOperationException.class, () -> kms().generateDataKeyPair(r -> r.keyId(key().keyId())
                .keyPairSpec("ECC_NIST_P256").dryRun(true)));
        fails(DryRunOperationException.class, () -> kms().generateDataKeyPairWithoutPlaintext(r -> r
                .keyId(key().keyId()).keyPairSpec("RSA_2048").dryRun(true)));
        failsWith("ValidationException", null, () -> kms().generateDataKeyPair(r -> r.keyId(key().keyId())
                .keyPairSpec("ECC_NIST_P256").recipient(p -> p.keyEncryptionAlgorithm("RSAES_OAEP_SHA_256")
                        .attestationDocument(SdkBytes.fromUtf8String("doc")))));
    }
}
