package io.kmsd.api;

import static io.kmsd.api.LocalCrypto.random;
import static io.kmsd.api.SdkAssertions.fails;
import static io.kmsd.api.SdkAssertions.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.DryRunOperationException;
import software.amazon.awssdk.services.kms.model.EncryptResponse;
import software.amazon.awssdk.services.kms.model.GetPublicKeyResponse;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.kms.model.InvalidKeyUsageException;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.ReEncryptResponse;

/**
 * Encrypt, Decrypt and ReEncrypt with RSA encryption keys through the real AWS SDK v2 (kms-api §3.2, §4.4,
 * §6.29): the EncryptionAlgorithm reaches core, ciphertexts made locally by the JDK from GetPublicKey's output
 * decrypt on the server, the size limits are exact. One key per spec.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SdkAsymmetricEncryptionTest {
    static final DropwizardAppExtension<KmsConfiguration> APP = TestServer.app();
    static final List<String> OAEP = List.of("RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256");
    /** kms-api §3.2: k/8 − 2·hLen − 2. */
    static final Map<String, List<Integer>> MAX_PLAINTEXT = Map.of("RSA_2048", List.of(214, 190),
            "RSA_3072", List.of(342, 318), "RSA_4096", List.of(470, 446));
    static final Map<String, KeyMetadata> KEYS = new ConcurrentHashMap<>();
    static final LazyKms KMS = new LazyKms(APP, TestServer.alice());

    static KmsClient kms() {
        return KMS.get();
    }

    @AfterAll
    static void close() {
        KMS.close();
        KEYS.clear();
    }

    static KeyMetadata key(String spec) {
        return KEYS.computeIfAbsent(spec, s -> s.equals("SYMMETRIC_DEFAULT") ? kms().createKey(r -> { }).keyMetadata()
                : kms().createKey(r -> r.keySpec(s).keyUsage(KeyUsageType.ENCRYPT_DECRYPT)).keyMetadata());
    }

    static Stream<Arguments> pairs() {
        return MAX_PLAINTEXT.keySet().stream().sorted()
                .flatMap(spec -> OAEP.stream().map(alg -> Arguments.of(spec, alg)));
    }

    static EncryptResponse encrypt(String spec, String algorithm, byte[] plaintext) {
        return kms().encrypt(r -> r.keyId(key(spec).keyId()).encryptionAlgorithm(algorithm)
                .plaintext(SdkBytes.fromByteArray(plaintext)));
    }

    static DecryptResponse decrypt(String spec, String algorithm, byte[] ciphertext) {
        return kms().decrypt(r -> r.keyId(key(spec).arn()).encryptionAlgorithm(algorithm)
                .ciphertextBlob(SdkBytes.fromByteArray(ciphertext)));
    }

    static int max(String spec, String algorithm) {
        return MAX_PLAINTEXT.get(spec).get(OAEP.indexOf(algorithm));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("pairs")
    void theLargestPlaintextRoundTripsAndOneByteMoreIsRefused(String spec, String algorithm) { // §3.2, §6.29
        byte[] plaintext = random(max(spec, algorithm));
        EncryptResponse out = encrypt(spec, algorithm, plaintext);
        assertThat(out.keyId()).isEqualTo(key(spec).arn());
        assertThat(out.encryptionAlgorithmAsString()).isEqualTo(algorithm);
        assertThat(out.ciphertextBlob().asByteArray()).hasSize(Integer.parseInt(spec.substring(4)) / 8);
        DecryptResponse back = decrypt(spec, algorithm, out.ciphertextBlob().asByteArray());
        assertThat(back.plaintext().asByteArray()).isEqualTo(plaintext);
        assertThat(back.keyId()).isEqualTo(key(spec).arn());
        assertThat(back.encryptionAlgorithmAsString()).isEqualTo(algorithm);
        assertThat(back.keyMaterialId()).isNull();
        failsWith("ValidationException", "Algorithm " + algorithm + " and key spec " + spec + " cannot encrypt data "
                + "larger than " + max(spec, algorithm) + " bytes.",
                () -> encrypt(spec, algorithm, random(max(spec, algorithm) + 1)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("pairs")
    void dataEncryptedLocallyWithThePublicKeyDecryptsOnTheServer(String spec, String algorithm) throws Exception {
        GetPublicKeyResponse pk = kms().getPublicKey(r -> r.keyId(key(spec).arn()));
        byte[] plaintext = random(100);
        byte[] ciphertext = LocalCrypto.oaep(algorithm, Cipher.ENCRYPT_MODE,
                LocalCrypto.publicKey(spec, pk.publicKey().asByteArray())).doFinal(plaintext);
        assertThat(decrypt(spec, algorithm, ciphertext).plaintext().asByteArray()).isEqualTo(plaintext);
        String other = OAEP.get(1 - OAEP.indexOf(algorithm));
        fails(InvalidCiphertextException.class, () -> decrypt(spec, other, ciphertext));
        fails(InvalidCiphertextException.class, () -> decrypt(spec, algorithm, LocalCrypto.flipped(ciphertext, 5)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"RSA_2048", "RSA_3072", "RSA_4096"})
    void publicKeyListsTheEncryptionAlgorithmsOnly(String spec) throws Exception { // §4.6, §6.39
        GetPublicKeyResponse pk = kms().getPublicKey(r -> r.keyId(key(spec).keyId()));
        assertThat(pk.keyId()).isEqualTo(key(spec).arn());
        assertThat(pk.keyUsage()).isEqualTo(KeyUsageType.ENCRYPT_DECRYPT);
        assertThat(pk.keySpecAsString()).isEqualTo(spec);
        assertThat(pk.customerMasterKeySpecAsString()).isEqualTo(spec);
        assertThat(pk.encryptionAlgorithmsAsStrings()).isEqualTo(OAEP);
        assertThat(pk.hasSigningAlgorithms()).isFalse();
        assertThat(pk.hasKeyAgreementAlgorithms()).isFalse();
        assertThat(LocalCrypto.publicKey(spec, pk.publicKey().asByteArray()).getAlgorithm()).isEqualTo("RSA");
    }

    @ParameterizedTest
    @ValueSource(strings = {"RSA_2048", "RSA_3072", "RSA_4096"})
    void wrongAlgorithmsAndUsesAreRefused(String spec) { // §4.0, §4.4
        KeyMetadata key = key(spec);
        String incompatible = "Algorithm %s is incompatible with key spec " + spec + ".";
        fails(InvalidKeyUsageException.class, incompatible.formatted("SYMMETRIC_DEFAULT"),
                () -> kms().encrypt(r -> r.keyId(key.keyId()).plaintext(SdkBytes.fromUtf8String("x"))));
        fails(InvalidKeyUsageException.class, incompatible.formatted("SM2PKE"), () -> encrypt(spec, "SM2PKE", new byte[1]));
        fails(InvalidKeyUsageException.class, incompatible.formatted("SYMMETRIC_DEFAULT"), () -> kms().decrypt(r -> r
                .keyId(key.keyId()).ciphertextBlob(SdkBytes.fromByteArray(random(256)))));
        String prefix = key.arn() + " key usage is ENCRYPT_DECRYPT which is not valid for ";
        fails(InvalidKeyUsageException.class, prefix + "Sign.", () -> kms().sign(r -> r.keyId(key.keyId())
                .signingAlgorithm("RSASSA_PSS_SHA_256").message(SdkBytes.fromUtf8String("m"))));
        fails(InvalidKeyUsageException.class, prefix + "Verify.", () -> kms().verify(r -> r.keyId(key.keyId())
                .signingAlgorithm("RSASSA_PSS_SHA_256").message(SdkBytes.fromUtf8String("m"))
                .signature(SdkBytes.fromUtf8String("s"))));
        fails(InvalidKeyUsageException.class, prefix + "GenerateDataKey.", () -> kms().generateDataKey(r -> r
                .keyId(key.keyId()).numberOfBytes(16)));
        fails(InvalidKeyUsageException.class, prefix + "GenerateDataKeyPairWithoutPlaintext.",
                () -> kms().generateDataKeyPairWithoutPlaintext(r -> r.keyId(key.keyId()).keyPairSpec("RSA_2048")));
        failsWith("ValidationException", "EncryptionContext is not supported with asymmetric KMS keys.",
                () -> kms().encrypt(r -> r.keyId(key.keyId()).encryptionAlgorithm("RSAES_OAEP_SHA_256")
                        .plaintext(SdkBytes.fromUtf8String("x")).encryptionContext(Map.of("a", "b"))));
    }

    @Test
    void reEncryptMovesBetweenRsaAndSymmetricKeys() { // §4.4, §6.31
        byte[] plaintext = random(64);
        SdkBytes rsaBlob = encrypt("RSA_2048", "RSAES_OAEP_SHA_256", plaintext).ciphertextBlob();
        ReEncryptResponse toSymmetric = kms().reEncrypt(r -> r.ciphertextBlob(rsaBlob)
                .sourceKeyId(key("RSA_2048").arn()).sourceEncryptionAlgorithm("RSAES_OAEP_SHA_256")
                .destinationKeyId(key("SYMMETRIC_DEFAULT").keyId()));
        assertThat(toSymmetric.sourceKeyId()).isEqualTo(key("RSA_2048").arn());
        assertThat(toSymmetric.sourceEncryptionAlgorithmAsString()).isEqualTo("RSAES_OAEP_SHA_256");
        assertThat(toSymmetric.destinationEncryptionAlgorithmAsString()).isEqualTo("SYMMETRIC_DEFAULT");
        assertThat(kms().decrypt(r -> r.ciphertextBlob(toSymmetric.ciphertextBlob())).plaintext().asByteArray())
                .isEqualTo(plaintext);
        ReEncryptResponse toRsa = kms().reEncrypt(r -> r.ciphertextBlob(toSymmetric.ciphertextBlob())
                .destinationKeyId(key("RSA_3072").arn()).destinationEncryptionAlgorithm("RSAES_OAEP_SHA_1"));
        assertThat(toRsa.keyId()).isEqualTo(key("RSA_3072").arn());
        assertThat(toRsa.destinationEncryptionAlgorithmAsString()).isEqualTo("RSAES_OAEP_SHA_1");
        assertThat(toRsa.destinationKeyMaterialId()).isNull();
        assertThat(decrypt("RSA_3072", "RSAES_OAEP_SHA_1", toRsa.ciphertextBlob().asByteArray()).plaintext()
                .asByteArray()).isEqualTo(plaintext);
        fails(InvalidKeyUsageException.class, "Algorithm SYMMETRIC_DEFAULT is incompatible with key spec RSA_3072.",
                () -> kms().reEncrypt(r -> r.ciphertextBlob(toSymmetric.ciphertextBlob())
                        .destinationKeyId(key("RSA_3072").arn())));
        fails(InvalidKeyUsageException.class, "Algorithm SYMMETRIC_DEFAULT is incompatible with key spec RSA_2048.",
                () -> kms().reEncrypt(r -> r.ciphertextBlob(rsaBlob).sourceKeyId(key("RSA_2048").arn())
                        .destinationKeyId(key("SYMMETRIC_DEFAULT").keyId())));
    }

    @Test
    void aSymmetricKeyTakesOnlyTheSymmetricAlgorithm() { // §4.0
        SdkBytes blob = kms().encrypt(r -> r.keyId(key("SYMMETRIC_DEFAULT").keyId())
                .plaintext(SdkBytes.fromUtf8String("x"))).ciphertextBlob();
        fails(InvalidKeyUsageException.class, "Algorithm RSAES_OAEP_SHA_1 is incompatible with key spec "
                + "SYMMETRIC_DEFAULT.", () -> kms().decrypt(r -> r.ciphertextBlob(blob)
                .encryptionAlgorithm("RSAES_OAEP_SHA_1")));
        assertThat(kms().decrypt(r -> r.ciphertextBlob(blob).encryptionAlgorithm("SYMMETRIC_DEFAULT")).plaintext()
                .asUtf8String()).isEqualTo("x");
    }

    @Test
    void dryRunChecksTheAlgorithmAndEncryptsNothing() { // §4.0, §6.41
        fails(DryRunOperationException.class, () -> kms().encrypt(r -> r.keyId(key("RSA_2048").keyId())
                .encryptionAlgorithm("RSAES_OAEP_SHA_256").plaintext(SdkBytes.fromUtf8String("x")).dryRun(true)));
        fails(InvalidKeyUsageException.class, () -> kms().encrypt(r -> r.keyId(key("RSA_2048").keyId())
                .plaintext(SdkBytes.fromUtf8String("x")).dryRun(true)));
        failsWith("ValidationException", "Algorithm RSAES_OAEP_SHA_256 and key spec RSA_2048 cannot encrypt data "
                + "larger than 190 bytes.", () -> kms().encrypt(r -> r.keyId(key("RSA_2048").keyId())
                .encryptionAlgorithm("RSAES_OAEP_SHA_256").plaintext(SdkBytes.fromByteArray(new byte[191]))
                .dryRun(true)));
        fails(DryRunOperationException.class, () -> kms().decrypt(r -> r.keyId(key("RSA_2048").keyId())
                .encryptionAlgorithm("RSAES_OAEP_SHA_1").ciphertextBlob(SdkBytes.fromByteArray(random(256)))
                .dryRun(true)));
    }
}
