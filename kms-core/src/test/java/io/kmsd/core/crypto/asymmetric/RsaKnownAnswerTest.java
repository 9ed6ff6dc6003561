package io.kmsd.core.crypto.asymmetric;

import static io.kmsd.core.crypto.asymmetric.Fixtures.hex;
import static io.kmsd.core.testing.KmsAssertions.assertFails;
import static io.kmsd.core.testing.KmsAssertions.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.kmsd.core.error.KmsError;
import io.kmsd.core.key.KeySpec;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RSA known answers from Wycheproof (the vector files name the file and test ids): OAEP ciphertexts made
 * elsewhere decrypt through our Decrypt to the published plaintext (and in the JDK); PKCS#1 v1.5 signatures, being
 * deterministic, come out of our Sign byte for byte and verify here and in the JDK; published PSS signatures verify
 * under the published public key; a flipped bit is refused.
 */
class RsaKnownAnswerTest {
    /** RSA 2048 with SHA-256 and with SHA-1, RSA 3072 and 4096 with SHA-256. */
    static List<Map<String, String>> oaepVectors() {
        return Stream.of("rsa-oaep-wycheproof.txt", "rsa-oaep-sha1-wycheproof.txt", "rsa-oaep-3072-wycheproof.txt",
                "rsa-oaep-4096-wycheproof.txt").flatMap(file -> Vectors.load(file).stream()).toList();
    }

    /** RSA 2048 with SHA-256; RSA 3072 and 4096 with SHA-256, SHA-384 and SHA-512. */
    static List<Map<String, String>> pkcs1Vectors() {
        return Stream.of("rsa-pkcs1-wycheproof.txt", "rsa-pkcs1-3072-wycheproof.txt", "rsa-pkcs1-4096-wycheproof.txt")
                .flatMap(file -> Vectors.load(file).stream()).toList();
    }

    @ParameterizedTest(name = "Wycheproof PKCS#1 v1.5 {0}")
    @MethodSource("pkcs1Vectors")
    void pkcs1SignatureIsThePublishedOneAndTheJdkAccepts(Map<String, String> v) throws GeneralSecurityException {
        AsymmetricKey key = rsaKey(v);
        SigningAlgorithm algorithm = SigningAlgorithm.valueOf(v.get("algorithm"));
        byte[] message = hex(v.get("msg"));
        assertThat(hex(key.sign(algorithm, message, MessageType.RAW))).isEqualTo(v.get("sig"));
        Signature jdk = Signature.getInstance(algorithm.name().replace("RSASSA_PKCS1_V1_5_SHA_", "SHA") + "withRSA");
        jdk.initVerify(KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(key.publicKey())));
        jdk.update(message);
        assertThat(jdk.verify(hex(v.get("sig")))).isTrue();
    }

    static List<Map<String, String>> signatureVectors() {
        return Stream.concat(pkcs1Vectors().stream(), Vectors.load("rsa-pss-wycheproof.txt").stream()).toList();
    }

    @ParameterizedTest(name = "Wycheproof {0}")
    @MethodSource("signatureVectors")
    void publishedSignatureVerifiesAndAFlippedBitIsRefused(Map<String, String> v) {
        AsymmetricKey key = rsaKey(v);
        SigningAlgorithm algorithm = SigningAlgorithm.valueOf(v.get("algorithm"));
        byte[] message = hex(v.get("msg"));
        byte[] signature = hex(v.get("sig"));
        assertThat(hex(key.publicKey())).isEqualTo(v.getOrDefault("spki", hex(key.publicKey())));
        assertThatCode(() -> key.verify(algorithm, message, MessageType.RAW, signature)).doesNotThrowAnyException();
        for (byte[] flipped : flipped(signature)) {
            assertFails(() -> key.verify(algorithm, message, MessageType.RAW, flipped),
                    KmsError.KMSInvalidSignature, "");
        }
    }

    @ParameterizedTest(name = "Wycheproof OAEP {0}")
    @MethodSource("oaepVectors")
    void oaepCiphertextDecryptsToThePublishedPlaintext(Map<String, String> v) throws GeneralSecurityException {
        EncryptionAlgorithm algorithm = EncryptionAlgorithm.valueOf(v.get("algorithm"));
        byte[] ciphertext = hex(v.get("ct"));
        assertThat(hex(rsaKey(v).decrypt(algorithm, ciphertext).bytes())).isEqualTo(v.get("msg"));
        boolean sha1 = algorithm == EncryptionAlgorithm.RSAES_OAEP_SHA_1;
        Cipher jdk = Cipher.getInstance("RSA/ECB/OAEPPadding");
        jdk.init(Cipher.DECRYPT_MODE, KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                hex(v.get("key")))), new OAEPParameterSpec(sha1 ? "SHA-1" : "SHA-256", "MGF1",
                sha1 ? MGF1ParameterSpec.SHA1 : MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
        assertThat(hex(jdk.doFinal(ciphertext))).isEqualTo(v.get("msg"));
    }

    @ParameterizedTest(name = "Wycheproof OAEP {0}")
    @MethodSource("oaepVectors")
    void oaepCiphertextWithAFlippedBitIsRefused(Map<String, String> v) {
        AsymmetricKey key = rsaKey(v);
        EncryptionAlgorithm algorithm = EncryptionAlgorithm.valueOf(v.get("algorithm"));
        byte[] ciphertext = hex(v.get("ct"));
        for (byte[] flipped : flipped(ciphertext)) {
            failure(() -> key.decrypt(algorithm, flipped), KmsError.InvalidCiphertext);
        }
    }

    /** Copies with one bit flipped: in the last byte, in the middle, in the first byte. */
    private static List<byte[]> flipped(byte[] bytes) {
        return IntStream.of(0, bytes.length * 4 + 3, bytes.length * 8 - 9)
                .mapToObj(bit -> Fixtures.flipBit(bytes, bit)).toList();
    }

    private static AsymmetricKey rsaKey(Map<String, String> v) {
        return AsymmetricKey.parse(PrivateMaterial.of(KeySpec.valueOf(v.getOrDefault("spec", "RSA_2048")),
                hex(v.get("key"))));
    }
}
