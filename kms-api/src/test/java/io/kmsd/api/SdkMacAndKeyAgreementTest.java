package io.kmsd.api;

import static io.kmsd.api.LocalCrypto.random;
import static io.kmsd.api.SdkAssertions.fails;
import static io.kmsd.api.SdkAssertions.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.security.KeyPair;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DeriveSharedSecretResponse;
import software.amazon.awssdk.services.kms.model.DryRunOperationException;
import software.amazon.awssdk.services.kms.model.GenerateMacResponse;
import software.amazon.awssdk.services.kms.model.GetPublicKeyResponse;
import software.amazon.awssdk.services.kms.model.InvalidKeyUsageException;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.KmsInvalidMacException;
import software.amazon.awssdk.services.kms.model.UnsupportedOperationException;
import software.amazon.awssdk.services.kms.model.VerifyMacResponse;

/**
 * GenerateMac/VerifyMac for every HMAC spec and DeriveSharedSecret for every ECDH curve through the real AWS SDK
 * v2 (kms-api §3.2, §4.6, §6.38, §6.40): shared secrets equal the JDK's ECDH with GetPublicKey's output.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SdkMacAndKeyAgreementTest {
    static final DropwizardAppExtension<KmsConfiguration> APP = TestServer.app();
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

    /** One key per spec and usage; {@code name} = {@code <spec>} or {@code <spec>/2} for a second one. */
    static KeyMetadata key(String name, KeyUsageType usage) {
        return KEYS.computeIfAbsent(name + "/" + usage, n -> kms().createKey(r -> r.keySpec(name.split("/")[0])
                .keyUsage(usage)).keyMetadata());
    }

    static GenerateMacResponse mac(KeyMetadata key, String algorithm, byte[] message) {
        return kms().generateMac(r -> r.keyId(key.keyId()).macAlgorithm(algorithm)
                .message(SdkBytes.fromByteArray(message)));
    }

    static VerifyMacResponse verifyMac(KeyMetadata key, String algorithm, byte[] message, byte[] mac) {
        return kms().verifyMac(r -> r.keyId(key.arn()).macAlgorithm(algorithm).message(SdkBytes.fromByteArray(message))
                .mac(SdkBytes.fromByteArray(mac)));
    }

    @ParameterizedTest
    @CsvSource({"HMAC_224, HMAC_SHA_224, 28, HMAC_SHA_256", "HMAC_256, HMAC_SHA_256, 32, HMAC_SHA_384",
            "HMAC_384, HMAC_SHA_384, 48, HMAC_SHA_512", "HMAC_512, HMAC_SHA_512, 64, HMAC_SHA_224"})
    void macsVerifyAndAnyChangeIsInvalid(String spec, String algorithm, int length, String foreign) { // §6.38
        KeyMetadata key = key(spec, KeyUsageType.GENERATE_VERIFY_MAC);
        assertThat(key.macAlgorithmsAsStrings()).containsExactly(algorithm);
        byte[] message = random(4096);
        GenerateMacResponse out = mac(key, algorithm, message);
        assertThat(out.keyId()).isEqualTo(key.arn());
        assertThat(out.macAlgorithmAsString()).isEqualTo(algorithm);
        byte[] tag = out.mac().asByteArray();
        assertThat(tag).hasSize(length).isEqualTo(mac(key, algorithm, message).mac().asByteArray());
        VerifyMacResponse valid = verifyMac(key, algorithm, message, tag);
        assertThat(valid.macValid()).isTrue();
        assertThat(valid.keyId()).isEqualTo(key.arn());
        assertThat(valid.macAlgorithmAsString()).isEqualTo(algorithm);
        fails(KmsInvalidMacException.class, "", () -> verifyMac(key, algorithm, LocalCrypto.flipped(message, 9), tag));
        fails(KmsInvalidMacException.class, "", () -> verifyMac(key, algorithm, message, LocalCrypto.flipped(tag, 0)));
        fails(KmsInvalidMacException.class, "", () -> verifyMac(key, algorithm, message,
                java.util.Arrays.copyOf(tag, length - 1)));
        String incompatible = "Algorithm " + foreign + " is incompatible with key spec " + spec + ".";
        fails(InvalidKeyUsageException.class, incompatible, () -> mac(key, foreign, message));
        fails(InvalidKeyUsageException.class, incompatible, () -> verifyMac(key, foreign, message, tag));
        hmacKeyIsRefusedForEveryOtherUse(key);
    }

    private static void hmacKeyIsRefusedForEveryOtherUse(KeyMetadata key) { // §4.0, §4.6
        String prefix = key.arn() + " key usage is GENERATE_VERIFY_MAC which is not valid for ";
        fails(InvalidKeyUsageException.class, prefix + "Sign.", () -> kms().sign(r -> r.keyId(key.keyId())
                .signingAlgorithm("ECDSA_SHA_256").message(SdkBytes.fromUtf8String("m"))));
        fails(InvalidKeyUsageException.class, prefix + "Encrypt.", () -> kms().encrypt(r -> r.keyId(key.keyId())
                .plaintext(SdkBytes.fromUtf8String("m"))));
        fails(InvalidKeyUsageException.class, prefix + "DeriveSharedSecret.", () -> kms().deriveSharedSecret(r -> r
                .keyId(key.keyId()).keyAgreementAlgorithm("ECDH").publicKey(SdkBytes.fromUtf8String("pk"))));
        fails(UnsupportedOperationException.class, key.arn() + " is not an asymmetric KMS key; GetPublicKey is not "
                + "supported for it.", () -> kms().getPublicKey(r -> r.keyId(key.keyId())));
    }

    @Test
    void macOperationsCheckTheModelAndDryRun() { // §1.3, §4.0
        KeyMetadata key = key("HMAC_256", KeyUsageType.GENERATE_VERIFY_MAC);
        failsWith("ValidationException", "1 validation error detected: Value null at 'macAlgorithm' failed to "
                + "satisfy constraint: Member must not be null", () -> kms().generateMac(r -> r.keyId(key.keyId())
                .message(SdkBytes.fromUtf8String("m"))));
        failsWith("ValidationException", "1 validation error detected: Value at 'message' failed to satisfy "
                + "constraint: Member must have length less than or equal to 4096",
                () -> mac(key, "HMAC_SHA_256", new byte[4097]));
        fails(DryRunOperationException.class, () -> kms().generateMac(r -> r.keyId(key.keyId())
                .macAlgorithm("HMAC_SHA_256").message(SdkBytes.fromUtf8String("m")).dryRun(true)));
        fails(DryRunOperationException.class, () -> kms().verifyMac(r -> r.keyId(key.keyId())
                .macAlgorithm("HMAC_SHA_256").message(SdkBytes.fromUtf8String("m"))
                .mac(SdkBytes.fromByteArray(new byte[32])).dryRun(true)));
        KeyMetadata symmetric = kms().createKey(r -> { }).keyMetadata();
        fails(InvalidKeyUsageException.class, symmetric.arn() + " key usage is ENCRYPT_DECRYPT which is not valid "
                + "for GenerateMac.", () -> mac(symmetric, "HMAC_SHA_256", new byte[1]));
        fails(UnsupportedOperationException.class, () -> kms().getPublicKey(r -> r.keyId(symmetric.keyId())));
    }

    @ParameterizedTest
    @CsvSource({"ECC_NIST_P256, secp256r1, 32, secp384r1", "ECC_NIST_P384, secp384r1, 48, secp521r1",
            "ECC_NIST_P521, secp521r1, 66, secp256r1"})
    void sharedSecretsEqualLocalEcdh(String spec, String curve, int length, String otherCurve) throws Exception {
        KeyMetadata key = key(spec, KeyUsageType.KEY_AGREEMENT); // §6.40
        GetPublicKeyResponse pk = kms().getPublicKey(r -> r.keyId(key.arn()));
        assertThat(pk.keyUsage()).isEqualTo(KeyUsageType.KEY_AGREEMENT);
        assertThat(pk.keyAgreementAlgorithmsAsStrings()).containsExactly("ECDH");
        assertThat(pk.hasSigningAlgorithms()).isFalse();
        assertThat(pk.hasEncryptionAlgorithms()).isFalse();
        KeyPair local = LocalCrypto.ecKeyPair(curve);
        DeriveSharedSecretResponse out = derive(key, local.getPublic().getEncoded());
        byte[] expected = LocalCrypto.ecdh(local.getPrivate(), LocalCrypto.publicKey(spec, pk.publicKey()
                .asByteArray()));
        assertThat(out.sharedSecret().asByteArray()).hasSize(length).isEqualTo(expected);
        assertThat(out.keyId()).isEqualTo(key.arn());
        assertThat(out.keyAgreementAlgorithmAsString()).isEqualTo("ECDH");
        assertThat(out.keyOriginAsString()).isEqualTo("AWS_KMS");
        KeyMetadata second = key(spec + "/2", KeyUsageType.KEY_AGREEMENT);
        byte[] secondPublic = kms().getPublicKey(r -> r.keyId(second.arn())).publicKey().asByteArray();
        assertThat(derive(key, secondPublic).sharedSecret()).isEqualTo(derive(second, pk.publicKey().asByteArray())
                .sharedSecret());
        failsWith("ValidationException", "", () -> derive(key, LocalCrypto.ecKeyPair(otherCurve).getPublic()
                .getEncoded()));
        failsWith("ValidationException", "", () -> derive(key, random(91)));
        fails(InvalidKeyUsageException.class, key.arn() + " key usage is KEY_AGREEMENT which is not valid for Sign.",
                () -> kms().sign(r -> r.keyId(key.keyId()).signingAlgorithm("ECDSA_SHA_256")
                        .message(SdkBytes.fromUtf8String("m"))));
        fails(DryRunOperationException.class, () -> kms().deriveSharedSecret(r -> r.keyId(key.keyId())
                .keyAgreementAlgorithm("ECDH").publicKey(pk.publicKey()).dryRun(true)));
    }

    static DeriveSharedSecretResponse derive(KeyMetadata key, byte[] peer) {
        return kms().deriveSharedSecret(r -> r.keyId(key.keyId()).keyAgreementAlgorithm("ECDH")
                .publicKey(SdkBytes.fromByteArray(peer)));
    }

    @Test
    void deriveSharedSecretChecksTheModel() { // §1.3, §4.6
        KeyMetadata key = key("ECC_NIST_P256", KeyUsageType.KEY_AGREEMENT);
        failsWith("ValidationException", "1 validation error detected: Value 'DH' at 'keyAgreementAlgorithm' failed "
                + "to satisfy constraint: Member must satisfy enum value set: [ECDH]", () -> kms()
                .deriveSharedSecret(r -> r.keyId(key.keyId()).keyAgreementAlgorithm("DH")
                        .publicKey(SdkBytes.fromUtf8String("pk"))));
        failsWith("ValidationException", "1 validation error detected: Value null at 'publicKey' failed to satisfy "
                + "constraint: Member must not be null", () -> kms().deriveSharedSecret(r -> r.keyId(key.keyId())
                .keyAgreementAlgorithm("ECDH")));
        failsWith("ValidationException", "1 validation error detected: Value 'java.nio.HeapByteBuffer[pos=0 "
                + "lim=8193 cap=8193]' at 'publicKey' failed to satisfy constraint: Member must have length less "
                + "than or equal to 8192", () -> derive(key, new byte[8193]));
    }
}
