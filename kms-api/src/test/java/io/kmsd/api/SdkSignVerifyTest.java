package io.kmsd.api;

import static io.kmsd.api.LocalCrypto.random;
import static io.kmsd.api.SdkAssertions.fails;
import static io.kmsd.api.SdkAssertions.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DisabledException;
import software.amazon.awssdk.services.kms.model.DryRunOperationException;
import software.amazon.awssdk.services.kms.model.GetPublicKeyResponse;
import software.amazon.awssdk.services.kms.model.InvalidKeyUsageException;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.KmsInvalidSignatureException;
import software.amazon.awssdk.services.kms.model.SignResponse;
import software.amazon.awssdk.services.kms.model.VerifyResponse;

/**
 * Sign, Verify and GetPublicKey for every signing key spec through the real AWS SDK v2 (kms-api §3.2, §4.6,
 * §6.35–37, §6.39), checked by the JDK/BouncyCastle from GetPublicKey's output alone. One key per spec.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SdkSignVerifyTest {
    static final DropwizardAppExtension<KmsConfiguration> APP = TestServer.app();
    static final List<String> RSA = List.of("RSASSA_PSS_SHA_256", "RSASSA_PSS_SHA_384", "RSASSA_PSS_SHA_512",
            "RSASSA_PKCS1_V1_5_SHA_256", "RSASSA_PKCS1_V1_5_SHA_384", "RSASSA_PKCS1_V1_5_SHA_512");
    /** kms-api §3.2: each signing spec and its algorithms, in the spec's order. */
    static final Map<String, List<String>> ALGORITHMS = new LinkedHashMap<>();

    static {
        List.of("RSA_2048", "RSA_3072", "RSA_4096").forEach(s -> ALGORITHMS.put(s, RSA));
        ALGORITHMS.put("ECC_NIST_P256", List.of("ECDSA_SHA_256"));
        ALGORITHMS.put("ECC_NIST_P384", List.of("ECDSA_SHA_384"));
        ALGORITHMS.put("ECC_NIST_P521", List.of("ECDSA_SHA_512"));
        ALGORITHMS.put("ECC_SECG_P256K1", List.of("ECDSA_SHA_256"));
        ALGORITHMS.put("ECC_NIST_EDWARDS25519", List.of("ED25519_SHA_512", "ED25519_PH_SHA_512"));
        List.of("ML_DSA_44", "ML_DSA_65", "ML_DSA_87").forEach(s -> ALGORITHMS.put(s, List.of("ML_DSA_SHAKE_256")));
    }

    static final Map<String, KeyMetadata> KEYS = new ConcurrentHashMap<>();
    static final Map<String, byte[]> PUBLIC_KEYS = new ConcurrentHashMap<>();
    static final LazyKms KMS = new LazyKms(APP, TestServer.alice());

    static KmsClient kms() {
        return KMS.get();
    }

    @AfterAll
    static void close() {
        KMS.close();
        KEYS.clear();
        PUBLIC_KEYS.clear();
    }

    /** The class's one key of {@code spec} (RSA_4096 key generation is slow). */
    static KeyMetadata key(String spec) {
        return KEYS.computeIfAbsent(spec, s -> kms().createKey(r -> r.keySpec(s).keyUsage(KeyUsageType.SIGN_VERIFY))
                .keyMetadata());
    }

    static byte[] publicKey(String spec) {
        return PUBLIC_KEYS.computeIfAbsent(spec, s -> kms().getPublicKey(r -> r.keyId(key(s).arn())).publicKey()
                .asByteArray());
    }

    static Stream<String> specs() {
        return ALGORITHMS.keySet().stream();
    }

    /** Every (spec, algorithm) pair whose algorithm takes {@code type} (kms-api §3.2 MessageType). */
    static Stream<Arguments> pairs(String type) {
        return ALGORITHMS.entrySet().stream().flatMap(e -> e.getValue().stream()
                .filter(a -> accepts(a, type)).map(a -> Arguments.of(e.getKey(), a)));
    }

    static Stream<Arguments> rawPairs() {
        return pairs("RAW");
    }

    static Stream<Arguments> digestPairs() {
        return pairs("DIGEST");
    }

    static boolean accepts(String algorithm, String type) {
        return switch (algorithm) {
            case "ED25519_SHA_512" -> type.equals("RAW");
            case "ED25519_PH_SHA_512" -> type.equals("DIGEST");
            case "ML_DSA_SHAKE_256" -> !type.equals("DIGEST");
            default -> !type.equals("EXTERNAL_MU");
        };
    }

    static SignResponse sign(String spec, String algorithm, String type, byte[] message) {
        return kms().sign(r -> r.keyId(key(spec).keyId()).signingAlgorithm(algorithm).messageType(type)
                .message(SdkBytes.fromByteArray(message)));
    }

    static VerifyResponse verify(String spec, String algorithm, String type, byte[] message, byte[] signature) {
        return kms().verify(r -> r.keyId(key(spec).arn()).signingAlgorithm(algorithm).messageType(type)
                .message(SdkBytes.fromByteArray(message)).signature(SdkBytes.fromByteArray(signature)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("rawPairs")
    void rawSignaturesVerifyOnTheServerAndLocally(String spec, String algorithm) throws Exception { // §6.35, §6.36
        byte[] message = random(100);
        SignResponse signed = sign(spec, algorithm, null, message);
        assertThat(signed.keyId()).isEqualTo(key(spec).arn());
        assertThat(signed.signingAlgorithmAsString()).isEqualTo(algorithm);
        byte[] signature = signed.signature().asByteArray();
        assertThat(LocalCrypto.verify(algorithm, spec, publicKey(spec), message, signature)).as("JCA verifies").isTrue();
        VerifyResponse verified = verify(spec, algorithm, "RAW", message, signature);
        assertThat(verified.signatureValid()).isTrue();
        assertThat(verified.keyId()).isEqualTo(key(spec).arn());
        assertThat(verified.signingAlgorithmAsString()).isEqualTo(algorithm);
        fails(KmsInvalidSignatureException.class, "",
                () -> verify(spec, algorithm, "RAW", message, LocalCrypto.flipped(signature, signature.length / 2)));
        fails(KmsInvalidSignatureException.class, "",
                () -> verify(spec, algorithm, "RAW", LocalCrypto.flipped(message, 0), signature));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("digestPairs")
    void digestSignaturesVerifyAsTheirMessage(String spec, String algorithm) throws Exception { // §3.2, §6.37
        byte[] message = random(300);
        byte[] digest = LocalCrypto.digest(algorithm, message);
        byte[] signature = sign(spec, algorithm, "DIGEST", digest).signature().asByteArray();
        if (algorithm.equals("ED25519_PH_SHA_512")) {
            assertThat(LocalCrypto.verifyEd25519ph(publicKey(spec), digest, signature)).isTrue();
        } else {
            assertThat(LocalCrypto.verify(algorithm, spec, publicKey(spec), message, signature)).isTrue();
            assertThat(verify(spec, algorithm, "RAW", message, signature).signatureValid()).isTrue();
        }
        assertThat(verify(spec, algorithm, "DIGEST", digest, signature).signatureValid()).isTrue();
        byte[] shortDigest = java.util.Arrays.copyOf(digest, digest.length - 1);
        failsWith("ValidationException", "Digest is invalid length for algorithm " + algorithm + ".",
                () -> sign(spec, algorithm, "DIGEST", shortDigest));
        failsWith("ValidationException", "Digest is invalid length for algorithm " + algorithm + ".",
                () -> verify(spec, algorithm, "DIGEST", shortDigest, signature));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ML_DSA_44", "ML_DSA_65", "ML_DSA_87"})
    void mlDsaSignsTheExternalMuOfAMessage(String spec) throws Exception { // §3.2 EXTERNAL_MU
        byte[] message = random(4096);
        byte[] mu = LocalCrypto.mlDsaMu(publicKey(spec), message);
        byte[] signature = sign(spec, "ML_DSA_SHAKE_256", "EXTERNAL_MU", mu).signature().asByteArray();
        assertThat(signature).hasSize(Map.of("ML_DSA_44", 2420, "ML_DSA_65", 3309, "ML_DSA_87", 4627).get(spec));
        assertThat(LocalCrypto.verify("ML_DSA_SHAKE_256", spec, publicKey(spec), message, signature)).isTrue();
        assertThat(verify(spec, "ML_DSA_SHAKE_256", "RAW", message, signature).signatureValid()).isTrue();
        assertThat(verify(spec, "ML_DSA_SHAKE_256", "EXTERNAL_MU", mu, signature).signatureValid()).isTrue();
        failsWith("ValidationException", "Digest is invalid length for algorithm ML_DSA_SHAKE_256.",
                () -> sign(spec, "ML_DSA_SHAKE_256", "EXTERNAL_MU", java.util.Arrays.copyOf(mu, 63)));
        failsWith("ValidationException", "Message type DIGEST is incompatible with algorithm ML_DSA_SHAKE_256.",
                () -> sign(spec, "ML_DSA_SHAKE_256", "DIGEST", mu));
    }

    @Test
    void messageTypesTheAlgorithmDoesNotTakeAreRefused() { // §3.2
        byte[] digest = random(64);
        failsWith("ValidationException", "Message type DIGEST is incompatible with algorithm ED25519_SHA_512.",
                () -> sign("ECC_NIST_EDWARDS25519", "ED25519_SHA_512", "DIGEST", digest));
        failsWith("ValidationException", "Message type RAW is incompatible with algorithm ED25519_PH_SHA_512.",
                () -> sign("ECC_NIST_EDWARDS25519", "ED25519_PH_SHA_512", "RAW", digest));
        failsWith("ValidationException", "Message type EXTERNAL_MU is incompatible with algorithm ECDSA_SHA_256.",
                () -> sign("ECC_NIST_P256", "ECDSA_SHA_256", "EXTERNAL_MU", digest));
    }

    @ParameterizedTest
    @MethodSource("specs")
    void publicKeyIsTheSpkiWithTheSigningAlgorithmsOnly(String spec) throws Exception { // §4.6, §6.39
        GetPublicKeyResponse out = kms().getPublicKey(r -> r.keyId(key(spec).keyId()));
        assertThat(out.keyId()).isEqualTo(key(spec).arn());
        assertThat(out.keySpecAsString()).isEqualTo(spec);
        assertThat(out.keyUsage()).isEqualTo(KeyUsageType.SIGN_VERIFY);
        assertThat(out.signingAlgorithmsAsStrings()).isEqualTo(ALGORITHMS.get(spec));
        assertThat(out.hasEncryptionAlgorithms()).isFalse();
        assertThat(out.hasKeyAgreementAlgorithms()).isFalse();
        boolean inOldEnum = !spec.startsWith("ML_DSA") && !spec.equals("ECC_NIST_EDWARDS25519"); // §3.1
        assertThat(out.customerMasterKeySpecAsString()).isEqualTo(inOldEnum ? spec : null);
        byte[] spki = out.publicKey().asByteArray();
        assertThat(LocalCrypto.publicKey(spec, spki).getEncoded()).isEqualTo(spki);
        assertThat(key(spec).signingAlgorithmsAsStrings()).isEqualTo(ALGORITHMS.get(spec));
    }

    @ParameterizedTest
    @MethodSource("specs")
    void anotherSpecsAlgorithmIsIncompatible(String spec) { // §4.0
        String foreign = spec.startsWith("RSA") ? "ECDSA_SHA_256" : "RSASSA_PSS_SHA_256";
        String message = "Algorithm " + foreign + " is incompatible with key spec " + spec + ".";
        fails(InvalidKeyUsageException.class, message, () -> sign(spec, foreign, null, random(32)));
        fails(InvalidKeyUsageException.class, message, () -> verify(spec, foreign, null, random(32), random(64)));
        fails(InvalidKeyUsageException.class, message, () -> kms().sign(r -> r.keyId(key(spec).keyId())
                .signingAlgorithm(foreign).message(SdkBytes.fromByteArray(random(32))).dryRun(true)));
    }

    @ParameterizedTest
    @MethodSource("specs")
    void aSigningKeyIsRefusedForEveryOtherUse(String spec) { // §4.0
        KeyMetadata key = key(spec);
        SdkBytes bytes = SdkBytes.fromByteArray(random(32));
        String prefix = key.arn() + " key usage is SIGN_VERIFY which is not valid for ";
        fails(InvalidKeyUsageException.class, prefix + "Encrypt.", () -> kms().encrypt(r -> r.keyId(key.keyId())
                .plaintext(bytes).encryptionAlgorithm("RSAES_OAEP_SHA_256")));
        fails(InvalidKeyUsageException.class, prefix + "Decrypt.", () -> kms().decrypt(r -> r.keyId(key.keyId())
                .ciphertextBlob(bytes).encryptionAlgorithm("RSAES_OAEP_SHA_256")));
        fails(InvalidKeyUsageException.class, prefix + "GenerateMac.", () -> kms().generateMac(r -> r
                .keyId(key.keyId()).message(bytes).macAlgorithm("HMAC_SHA_256")));
        fails(InvalidKeyUsageException.class, prefix + "VerifyMac.", () -> kms().verifyMac(r -> r
                .keyId(key.keyId()).message(bytes).mac(bytes).macAlgorithm("HMAC_SHA_256")));
        fails(InvalidKeyUsageException.class, prefix + "DeriveSharedSecret.", () -> kms().deriveSharedSecret(r -> r
                .keyId(key.keyId()).keyAgreementAlgorithm("ECDH").publicKey(SdkBytes.fromByteArray(publicKey(spec)))));
        fails(InvalidKeyUsageException.class, prefix + "GenerateDataKey.", () -> kms().generateDataKey(r -> r
                .keyId(key.keyId()).numberOfBytes(32)));
        fails(InvalidKeyUsageException.class, prefix + "GenerateDataKeyPair.", () -> kms().generateDataKeyPair(r -> r
                .keyId(key.keyId()).keyPairSpec("ECC_NIST_P256")));
    }

    @Test
    void dryRunChecksEverythingAndSignsNothing() { // §4.0, §6.41
        fails(DryRunOperationException.class, "The request would have succeeded, but the DryRun option is set.",
                () -> kms().sign(r -> r.keyId(key("ECC_NIST_P256").arn()).signingAlgorithm("ECDSA_SHA_256")
                        .message(SdkBytes.fromByteArray(random(10))).dryRun(true)));
        fails(DryRunOperationException.class, () -> kms().verify(r -> r.keyId(key("ECC_NIST_P256").arn())
                .signingAlgorithm("ECDSA_SHA_256").message(SdkBytes.fromByteArray(random(10)))
                .signature(SdkBytes.fromByteArray(random(70))).dryRun(true)));
        failsWith("ValidationException", "Digest is invalid length for algorithm ECDSA_SHA_256.",
                () -> kms().sign(r -> r.keyId(key("ECC_NIST_P256").arn()).signingAlgorithm("ECDSA_SHA_256")
                        .messageType("DIGEST").message(SdkBytes.fromByteArray(random(31))).dryRun(true)));
    }

    @Test
    void modelConstraintsAreCheckedWithoutShowingTheMessage() { // §1.3, §5
        String arn = key("ECC_NIST_P256").arn();
        failsWith("ValidationException", "1 validation error detected: Value at 'message' failed to satisfy "
                + "constraint: Member must have length less than or equal to 4096", () -> kms().sign(r -> r.keyId(arn)
                .signingAlgorithm("ECDSA_SHA_256").message(SdkBytes.fromByteArray(new byte[4097]))));
        assertThat(sign("ECC_NIST_P256", "ECDSA_SHA_256", null, new byte[4096]).signature()).isNotNull();
        failsWith("ValidationException", "1 validation error detected: Value null at 'signingAlgorithm' failed to "
                + "satisfy constraint: Member must not be null", () -> kms().sign(r -> r.keyId(arn)
                .message(SdkBytes.fromUtf8String("m"))));
        failsWith("ValidationException", "1 validation error detected: Value 'NOPE' at 'messageType' failed to "
                + "satisfy constraint: Member must satisfy enum value set: [RAW, DIGEST, EXTERNAL_MU]",
                () -> sign("ECC_NIST_P256", "ECDSA_SHA_256", "NOPE", new byte[1]));
        failsWith("ValidationException", "1 validation error detected: Value 'java.nio.HeapByteBuffer[pos=0 "
                + "lim=6145 cap=6145]' at 'signature' failed to satisfy constraint: Member must have length less "
                + "than or equal to 6144", () -> verify("ECC_NIST_P256", "ECDSA_SHA_256", null, new byte[1],
                new byte[6145]));
    }

    @Test
    void aDisabledKeyNeitherSignsNorVerifies() { // §3.4
        KeyMetadata key = kms().createKey(r -> r.keySpec("ECC_NIST_P256").keyUsage(KeyUsageType.SIGN_VERIFY))
                .keyMetadata();
        kms().disableKey(r -> r.keyId(key.keyId()));
        fails(DisabledException.class, key.arn() + " is disabled.", () -> kms().sign(r -> r.keyId(key.keyId())
                .signingAlgorithm("ECDSA_SHA_256").message(SdkBytes.fromUtf8String("m"))));
        fails(DisabledException.class, key.arn() + " is disabled.", () -> kms().getPublicKey(r -> r
                .keyId(key.keyId())));
    }

    @Test
    void aSignatureOfAnotherKeyIsInvalid() { // §6.36
        byte[] message = random(20);
        byte[] signature = sign("ECC_NIST_P256", "ECDSA_SHA_256", null, message).signature().asByteArray();
        KeyMetadata other = kms().createKey(r -> r.keySpec("ECC_NIST_P256").keyUsage(KeyUsageType.SIGN_VERIFY))
                .keyMetadata();
        fails(KmsInvalidSignatureException.class, "", () -> kms().verify(r -> r.keyId(other.keyId())
                .signingAlgorithm("ECDSA_SHA_256").message(SdkBytes.fromByteArray(message))
                .signature(SdkBytes.fromByteArray(signature))));
    }
}
