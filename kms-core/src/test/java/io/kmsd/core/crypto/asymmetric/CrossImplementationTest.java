package io.kmsd.core.crypto.asymmetric;

import static io.kmsd.core.crypto.asymmetric.Fixtures.key;
import static io.kmsd.core.crypto.asymmetric.Fixtures.material;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.kmsd.core.crypto.Plaintext;
import io.kmsd.core.key.KeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdDSAParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Signatures and ciphertexts checked by another implementation that sees only the DER SubjectPublicKeyInfo (or
 * our PKCS#8): the JDK's own providers wherever it has the algorithm, BouncyCastle's JCA layer for secp256k1
 * and SM2, which the JDK lacks (kms-api §6 item 35).
 */
class CrossImplementationTest {
    private static final byte[] MESSAGE = "verified elsewhere".getBytes(StandardCharsets.UTF_8);

    static Stream<Arguments> jdkSignatures() {
        return Stream.of(
                Arguments.of(KeySpec.ECC_NIST_P256, SigningAlgorithm.ECDSA_SHA_256, "SHA256withECDSA"),
                Arguments.of(KeySpec.ECC_NIST_P384, SigningAlgorithm.ECDSA_SHA_384, "SHA384withECDSA"),
                Arguments.of(KeySpec.ECC_NIST_P521, SigningAlgorithm.ECDSA_SHA_512, "SHA512withECDSA"),
                Arguments.of(KeySpec.RSA_2048, SigningAlgorithm.RSASSA_PKCS1_V1_5_SHA_256, "SHA256withRSA"),
                Arguments.of(KeySpec.RSA_3072, SigningAlgorithm.RSASSA_PKCS1_V1_5_SHA_384, "SHA384withRSA"),
                Arguments.of(KeySpec.RSA_4096, SigningAlgorithm.RSASSA_PKCS1_V1_5_SHA_512, "SHA512withRSA"),
                Arguments.of(KeySpec.RSA_2048, SigningAlgorithm.RSASSA_PSS_SHA_256, "PSS-256"),
                Arguments.of(KeySpec.RSA_3072, SigningAlgorithm.RSASSA_PSS_SHA_384, "PSS-384"),
                Arguments.of(KeySpec.RSA_4096, SigningAlgorithm.RSASSA_PSS_SHA_512, "PSS-512"),
                Arguments.of(KeySpec.ECC_NIST_EDWARDS25519, SigningAlgorithm.ED25519_SHA_512, "Ed25519"));
    }

    @ParameterizedTest(name = "{0} {1} by JDK {2}")
    @MethodSource("jdkSignatures")
    void jdkVerifiesOurSignatureFromThePublicKeyAlone(KeySpec spec, SigningAlgorithm algorithm, String jdk)
            throws GeneralSecurityException {
        byte[] signature = key(spec).sign(algorithm, MESSAGE, MessageType.RAW);
        Signature verifier = jdkSignature(jdk);
        verifier.initVerify(jdkPublicKey(spec));
        verifier.update(MESSAGE);
        assertThat(verifier.verify(signature)).isTrue();
    }

    @ParameterizedTest(name = "{0} {1} by JDK {2}")
    @MethodSource("jdkSignatures")
    void ourVerifyAcceptsJdkSignaturesMadeWithOurPkcs8(KeySpec spec, SigningAlgorithm algorithm, String jdk)
            throws GeneralSecurityException {
        Signature signer = jdkSignature(jdk);
        signer.initSign(jdkPrivateKey(spec));
        signer.update(MESSAGE);
        byte[] signature = signer.sign();
        assertThatCode(() -> key(spec).verify(algorithm, MESSAGE, MessageType.RAW, signature)).doesNotThrowAnyException();
    }

    @Test // kms-api §3.2: the 64-byte DIGEST is Ed25519ph's message M, pre-hashed again by Ed25519ph
    void jdkEd25519phVerifiesOurDigestSignatureOverTheDigestValue() throws GeneralSecurityException {
        byte[] digest = Digests.sha("512", MESSAGE);
        byte[] signature = key(KeySpec.ECC_NIST_EDWARDS25519).sign(SigningAlgorithm.ED25519_PH_SHA_512, digest,
                MessageType.DIGEST);
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.setParameter(new EdDSAParameterSpec(true));
        verifier.initVerify(jdkPublicKey(KeySpec.ECC_NIST_EDWARDS25519));
        verifier.update(digest);
        assertThat(verifier.verify(signature)).isTrue();
    }

    @Test
    void bouncyCastleJcaVerifiesSecp256k1Signatures() throws GeneralSecurityException {
        byte[] signature = key(KeySpec.ECC_SECG_P256K1).sign(SigningAlgorithm.ECDSA_SHA_256, MESSAGE, MessageType.RAW);
        assertThat(bcVerifies("SHA256withECDSA", KeySpec.ECC_SECG_P256K1, MESSAGE, signature)).isTrue();
    }

    @Test // kms-api §3.2: SM2DSA RAW uses the distinguishing ID 1234567812345678 (BouncyCastle's default)
    void bouncyCastleJcaVerifiesSm2Signatures() throws GeneralSecurityException {
        AsymmetricKey sm2 = key(KeySpec.SM2);
        byte[] raw = sm2.sign(SigningAlgorithm.SM2DSA, MESSAGE, MessageType.RAW);
        byte[] digest = sm2.sign(SigningAlgorithm.SM2DSA, Digests.sm2E(sm2.publicKey(), MESSAGE), MessageType.DIGEST);
        assertThat(bcVerifies("SM3withSM2", KeySpec.SM2, MESSAGE, raw)).isTrue();
        assertThat(bcVerifies("SM3withSM2", KeySpec.SM2, MESSAGE, digest)).isTrue();
    }

    static Stream<Arguments> oaep() {
        return Stream.of(Arguments.of(KeySpec.RSA_2048, EncryptionAlgorithm.RSAES_OAEP_SHA_1, 214),
                Arguments.of(KeySpec.RSA_2048, EncryptionAlgorithm.RSAES_OAEP_SHA_256, 190),
                Arguments.of(KeySpec.RSA_3072, EncryptionAlgorithm.RSAES_OAEP_SHA_256, 318),
                Arguments.of(KeySpec.RSA_4096, EncryptionAlgorithm.RSAES_OAEP_SHA_1, 470));
    }

    @ParameterizedTest(name = "{0} {1}") // kms-api §4.4: ciphertexts may be made offline with the public key
    @MethodSource("oaep")
    void jdkOaepCiphertextDecryptsThroughOurApi(KeySpec spec, EncryptionAlgorithm algorithm, int max)
            throws GeneralSecurityException {
        byte[] plaintext = Fixtures.bytes(max, 0x5a);
        Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
        cipher.init(Cipher.ENCRYPT_MODE, jdkPublicKey(spec), oaepParameters(algorithm));
        byte[] ciphertext = cipher.doFinal(plaintext);
        assertThat(key(spec).decrypt(algorithm, ciphertext)).isEqualTo(Plaintext.of(plaintext));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("oaep")
    void ourOaepCiphertextDecryptsInTheJdk(KeySpec spec, EncryptionAlgorithm algorithm, int max)
            throws GeneralSecurityException {
        byte[] plaintext = Fixtures.bytes(max, 0x33);
        byte[] ciphertext = key(spec).encrypt(algorithm, Plaintext.of(plaintext));
        Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
        cipher.init(Cipher.DECRYPT_MODE, jdkPrivateKey(spec), oaepParameters(algorithm));
        assertThat(cipher.doFinal(ciphertext)).isEqualTo(plaintext);
    }

    private static OAEPParameterSpec oaepParameters(EncryptionAlgorithm algorithm) {
        return algorithm == EncryptionAlgorithm.RSAES_OAEP_SHA_1
                ? new OAEPParameterSpec("SHA-1", "MGF1", MGF1ParameterSpec.SHA1, PSource.PSpecified.DEFAULT)
                : new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);
    }

    private static Signature jdkSignature(String name) throws GeneralSecurityException {
        if (!name.startsWith("PSS-")) {
            return Signature.getInstance(name);
        }
        String hash = "SHA-" + name.substring(4);
        Signature pss = Signature.getInstance("RSASSA-PSS");
        pss.setParameter(new PSSParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash),
                Integer.parseInt(name.substring(4)) / 8, PSSParameterSpec.TRAILER_FIELD_BC));
        return pss;
    }

    static PublicKey jdkPublicKey(KeySpec spec) throws GeneralSecurityException {
        return KeyFactory.getInstance(jdkFamily(spec)).generatePublic(new X509EncodedKeySpec(key(spec).publicKey()));
    }

    static PrivateKey jdkPrivateKey(KeySpec spec) throws GeneralSecurityException {
        return KeyFactory.getInstance(jdkFamily(spec))
                .generatePrivate(new PKCS8EncodedKeySpec(material(spec).encoded()));
    }

    static String jdkFamily(KeySpec spec) {
        return switch (spec) {
            case RSA_2048, RSA_3072, RSA_4096 -> "RSA";
            case ECC_NIST_EDWARDS25519 -> "Ed25519";
            default -> "EC";
        };
    }

    private static boolean bcVerifies(String algorithm, KeySpec spec, byte[] message, byte[] signature)
            throws GeneralSecurityException {
        Provider bc = Fixtures.BC;
        Signature verifier = Signature.getInstance(algorithm, bc);
        verifier.initVerify(KeyFactory.getInstance("EC", bc).generatePublic(new X509EncodedKeySpec(key(spec).publicKey())));
        verifier.update(message);
        return verifier.verify(signature);
    }
}
