package io.kmsd.core.crypto.asymmetric;

import static io.kmsd.core.crypto.asymmetric.Fixtures.key;
import static io.kmsd.core.crypto.asymmetric.Fixtures.material;
import static io.kmsd.core.crypto.asymmetric.Fixtures.otherMaterial;
import static io.kmsd.core.testing.KmsAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.kmsd.core.crypto.Plaintext;
import io.kmsd.core.error.KmsError;
import io.kmsd.core.key.KeySpec;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Imported key material (kms-api §4.10): wrapping done on the client side with the JDK (OAEP and its own
 * AES/KWP), unwrapping through KeyImport, and every rejection.
 */
class KeyImportTest {
    static Stream<Arguments> transports() {
        return Stream.of(Arguments.of(WrappingAlgorithm.RSAES_OAEP_SHA_1, KeySpec.RSA_2048),
                Arguments.of(WrappingAlgorithm.RSAES_OAEP_SHA_256, KeySpec.RSA_3072),
                Arguments.of(WrappingAlgorithm.RSA_AES_KEY_WRAP_SHA_1, KeySpec.RSA_4096),
                Arguments.of(WrappingAlgorithm.RSA_AES_KEY_WRAP_SHA_256, KeySpec.RSA_2048));
    }

    @ParameterizedTest(name = "{0} with {1}") // kms-api §6 item 57
    @MethodSource("transports")
    void symmetricMaterialWrappedByTheJdkUnwraps(WrappingAlgorithm algorithm, KeySpec wrappingSpec) throws Exception {
        byte[] material = Randomness.bytes(32);
        byte[] blob = ClientWrap.wrap(algorithm, wrappingSpec, material);
        PrivateMaterial imported = KeyImport.unwrap(key(wrappingSpec), algorithm, blob, KeySpec.SYMMETRIC_DEFAULT);
        assertThat(imported.encoded()).isEqualTo(material);
        assertThat(imported.spec()).isEqualTo(KeySpec.SYMMETRIC_DEFAULT);
    }

    @Test // kms-api §6 item 59: RSA_AES_KEY_WRAP_SHA_256 import of a PKCS#8 EC key; signatures verify with its key
    void ecPrivateKeyMadeByTheJdkImportsAndSignsForItsPublicKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair jdkPair = generator.generateKeyPair();
        byte[] blob = ClientWrap.wrap(WrappingAlgorithm.RSA_AES_KEY_WRAP_SHA_256, KeySpec.RSA_2048,
                jdkPair.getPrivate().getEncoded());
        PrivateMaterial imported = KeyImport.unwrap(key(KeySpec.RSA_2048), WrappingAlgorithm.RSA_AES_KEY_WRAP_SHA_256,
                blob, KeySpec.ECC_NIST_P256);
        AsymmetricKey key = AsymmetricKey.parse(imported);
        assertThat(key.publicKey()).isEqualTo(jdkPair.getPublic().getEncoded());
        byte[] signature = key.sign(SigningAlgorithm.ECDSA_SHA_256, new byte[] {1, 2}, MessageType.RAW);
        Signature jdk = Signature.getInstance("SHA256withECDSA");
        jdk.initVerify(jdkPair.getPublic());
        jdk.update(new byte[] {1, 2});
        assertThat(jdk.verify(signature)).isTrue();
    }

    @Test
    void rsaPrivateKeyMadeByTheJdkImportsWithAesKeyWrap() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair jdkPair = generator.generateKeyPair();
        byte[] blob = ClientWrap.wrap(WrappingAlgorithm.RSA_AES_KEY_WRAP_SHA_1, KeySpec.RSA_3072,
                jdkPair.getPrivate().getEncoded());
        PrivateMaterial imported = KeyImport.unwrap(key(KeySpec.RSA_3072), WrappingAlgorithm.RSA_AES_KEY_WRAP_SHA_1,
                blob, KeySpec.RSA_2048);
        assertThat(AsymmetricKey.parse(imported).publicKey()).isEqualTo(jdkPair.getPublic().getEncoded());
    }

    @ParameterizedTest(name = "{0}") // every generated asymmetric material survives a wrap and import
    @EnumSource(value = KeySpec.class, names = {"ECC_NIST_P521", "ECC_SECG_P256K1", "ECC_NIST_EDWARDS25519",
            "ML_DSA_65", "SM2", "RSA_4096"})
    void generatedMaterialImportsIntoItsSpec(KeySpec spec) throws Exception {
        byte[] pkcs8 = material(spec).encoded();
        byte[] blob = ClientWrap.wrap(WrappingAlgorithm.RSA_AES_KEY_WRAP_SHA_256, KeySpec.RSA_2048, pkcs8);
        PrivateMaterial imported = KeyImport.unwrap(key(KeySpec.RSA_2048), WrappingAlgorithm.RSA_AES_KEY_WRAP_SHA_256,
                blob, spec);
        assertThat(imported).isEqualTo(material(spec));
    }

    @Test // SM2PKE wrapping keys carry material with SM2PKE (our SM2 encryption is the only client here)
    void sm2WrappingKeyUnwrapsSm2pkeMaterial() {
        byte[] material = Randomness.bytes(32);
        byte[] blob = key(KeySpec.SM2).encrypt(EncryptionAlgorithm.SM2PKE, Plaintext.of(material));
        PrivateMaterial imported = KeyImport.unwrap(key(KeySpec.SM2), WrappingAlgorithm.SM2PKE, blob,
                KeySpec.SYMMETRIC_DEFAULT);
        assertThat(imported.encoded()).isEqualTo(material);
    }

    @ParameterizedTest(name = "{0} with {1}") // kms-api §4.10: unwrap fails → InvalidCiphertextException
    @MethodSource("transports")
    void corruptedBlobsFailAsInvalidCiphertext(WrappingAlgorithm algorithm, KeySpec wrappingSpec) throws Exception {
        byte[] blob = ClientWrap.wrap(algorithm, wrappingSpec, Randomness.bytes(32));
        int k = RsaKey.modulusBytes(wrappingSpec);
        byte[] onlyTheKeyTransport = algorithm.usesAesKeyWrap() ? Arrays.copyOf(blob, k) : new byte[k];
        for (byte[] bad : new byte[][] {Fixtures.flipBit(blob, 7), Fixtures.flipBit(blob, blob.length * 8 - 1),
                Fixtures.flipBit(blob, k * 4), onlyTheKeyTransport, Arrays.copyOf(blob, blob.length - 1),
                Arrays.copyOf(blob, blob.length + 8), new byte[0]}) {
            assertFails(() -> KeyImport.unwrap(key(wrappingSpec), algorithm, bad, KeySpec.SYMMETRIC_DEFAULT),
                    KmsError.InvalidCiphertext, "");
        }
    }

    @Test // the OAEP hash is part of the wrapping algorithm
    void blobOfTheOtherOaepHashFails() throws Exception {
        byte[] blob = ClientWrap.wrap(WrappingAlgorithm.RSA_AES_KEY_WRAP_SHA_1, KeySpec.RSA_2048, Randomness.bytes(32));
        assertFails(() -> KeyImport.unwrap(key(KeySpec.RSA_2048), WrappingAlgorithm.RSA_AES_KEY_WRAP_SHA_256, blob,
                KeySpec.SYMMETRIC_DEFAULT), KmsError.InvalidCiphertext, "");
    }

    @Test // kms-api §4.10: the ephemeral key is AES-256
    void ephemeralAes128KeyFails() throws Exception {
        byte[] kek = Randomness.bytes(16);
        byte[] blob = ClientWrap.concat(ClientWrap.oaep(WrappingAlgorithm.RSA_AES_KEY_WRAP_SHA_256, KeySpec.RSA_2048, kek),
                ClientWrap.kwp(kek, Randomness.bytes(32)));
        assertFails(() -> KeyImport.unwrap(key(KeySpec.RSA_2048), WrappingAlgorithm.RSA_AES_KEY_WRAP_SHA_256, blob,
                KeySpec.SYMMETRIC_DEFAULT), KmsError.InvalidCiphertext, "");
    }

    static Stream<Arguments> wrongMaterial() {
        return Stream.of(Arguments.of(KeySpec.SYMMETRIC_DEFAULT, new byte[31]),
                Arguments.of(KeySpec.SYMMETRIC_DEFAULT, new byte[33]),
                Arguments.of(KeySpec.HMAC_256, new byte[31]), Arguments.of(KeySpec.HMAC_256, new byte[65]),
                Arguments.of(KeySpec.ECC_NIST_P256, material(KeySpec.ECC_NIST_P384).encoded()),
                Arguments.of(KeySpec.ECC_NIST_P256, material(KeySpec.ECC_SECG_P256K1).encoded()),
                Arguments.of(KeySpec.ECC_NIST_P256, material(KeySpec.SM2).encoded()),
                Arguments.of(KeySpec.ECC_NIST_P256, material(KeySpec.ECC_NIST_EDWARDS25519).encoded()),
                Arguments.of(KeySpec.RSA_3072, material(KeySpec.RSA_2048).encoded()),
                Arguments.of(KeySpec.ML_DSA_65, material(KeySpec.ML_DSA_44).encoded()),
                Arguments.of(KeySpec.ECC_NIST_EDWARDS25519, new byte[32]),
                Arguments.of(KeySpec.ECC_NIST_P256, Randomness.bytes(150)),
                Arguments.of(KeySpec.ECC_NIST_P256, Arrays.copyOf(material(KeySpec.ECC_NIST_P256).encoded(), 151)),
                Arguments.of(KeySpec.ECC_NIST_P256, BadMaterial.ecWithForeignPublicKey()),
                Arguments.of(KeySpec.ECC_NIST_P256, BadMaterial.ecWithZeroScalar()),
                Arguments.of(KeySpec.RSA_2048, BadMaterial.rsaWithBrokenCrt()),
                Arguments.of(KeySpec.ECC_NIST_EDWARDS25519, BadMaterial.ed25519WithForeignPublicKey()));
    }

    @ParameterizedTest(name = "[{index}] {0}") // kms-api §4.10: wrong size/format → IncorrectKeyMaterialException
    @MethodSource("wrongMaterial")
    void materialThatDoesNotFitTheSpecFails(KeySpec target, byte[] material) throws Exception {
        byte[] blob = ClientWrap.wrap(WrappingAlgorithm.RSA_AES_KEY_WRAP_SHA_256, KeySpec.RSA_2048, material);
        assertFails(() -> KeyImport.unwrap(key(KeySpec.RSA_2048), WrappingAlgorithm.RSA_AES_KEY_WRAP_SHA_256, blob,
                target), KmsError.IncorrectKeyMaterial, "The key material is not valid for key spec " + target + ".");
    }

    @Test // kms-api §4.10 GetParametersForImport rules
    void parameterRulesRejectWhatCannotWork() {
        assertFails(() -> KeyImport.checkParameters(KeySpec.SYMMETRIC_DEFAULT, WrappingAlgorithm.RSAES_PKCS1_V1_5,
                WrappingKeySpec.RSA_2048), KmsError.Validation, "Wrapping algorithm RSAES_PKCS1_V1_5 is not supported.");
        assertFails(() -> KeyImport.checkParameters(KeySpec.SYMMETRIC_DEFAULT, WrappingAlgorithm.SM2PKE,
                WrappingKeySpec.RSA_2048), KmsError.Validation,
                "Wrapping algorithm SM2PKE is incompatible with wrapping key spec RSA_2048.");
        assertFails(() -> KeyImport.checkParameters(KeySpec.SYMMETRIC_DEFAULT, WrappingAlgorithm.RSAES_OAEP_SHA_256,
                WrappingKeySpec.SM2), KmsError.Validation,
                "Wrapping algorithm RSAES_OAEP_SHA_256 is incompatible with wrapping key spec SM2.");
        assertFails(() -> KeyImport.checkParameters(KeySpec.RSA_2048, WrappingAlgorithm.RSAES_OAEP_SHA_256,
                WrappingKeySpec.RSA_4096), KmsError.Validation, "Wrapping algorithm RSAES_OAEP_SHA_256 with wrapping "
                + "key spec RSA_4096 cannot wrap key material for key spec RSA_2048.");
        assertFails(() -> KeyImport.checkParameters(KeySpec.ECC_NIST_P521, WrappingAlgorithm.RSAES_OAEP_SHA_1,
                WrappingKeySpec.RSA_2048), KmsError.Validation, "Wrapping algorithm RSAES_OAEP_SHA_1 with wrapping "
                + "key spec RSA_2048 cannot wrap key material for key spec ECC_NIST_P521.");
    }

    @Test
    void parameterRulesAcceptTheWorkingCombinations() {
        assertThatCode(() -> {
            KeyImport.checkParameters(KeySpec.RSA_4096, WrappingAlgorithm.RSA_AES_KEY_WRAP_SHA_256, WrappingKeySpec.RSA_2048);
            KeyImport.checkParameters(KeySpec.ECC_NIST_P521, WrappingAlgorithm.RSAES_OAEP_SHA_256, WrappingKeySpec.RSA_3072);
            KeyImport.checkParameters(KeySpec.HMAC_512, WrappingAlgorithm.RSAES_OAEP_SHA_1, WrappingKeySpec.RSA_2048);
            KeyImport.checkParameters(KeySpec.SYMMETRIC_DEFAULT, WrappingAlgorithm.SM2PKE, WrappingKeySpec.SM2);
        }).doesNotThrowAnyException();
    }

    @Test // kms-api §4.10: SM2PKE only with SM2 wrapping keys, the RSA algorithms only with RSA ones, PKCS1 never
    void wrappingAlgorithmsFitTheirWrappingKeySpecs() {
        for (WrappingAlgorithm algorithm : WrappingAlgorithm.values()) {
            for (WrappingKeySpec spec : WrappingKeySpec.values()) {
                boolean expected = algorithm != WrappingAlgorithm.RSAES_PKCS1_V1_5
                        && (algorithm == WrappingAlgorithm.SM2PKE) == (spec == WrappingKeySpec.SM2);
                assertThat(algorithm.fits(spec)).as("%s with %s", algorithm, spec).isEqualTo(expected);
            }
        }
    }

    @Test
    void pkcs1BlobsAreNeverUnwrapped() {
        assertFails(() -> KeyImport.unwrap(key(KeySpec.RSA_2048), WrappingAlgorithm.RSAES_PKCS1_V1_5, new byte[256],
                KeySpec.SYMMETRIC_DEFAULT), KmsError.Validation, "Wrapping algorithm RSAES_PKCS1_V1_5 is not supported.");
    }

    @Test // kms-api §4.10: asymmetric material can never change; the same key in another encoding is the same
    void sameKeyComparesPublicKeysForAsymmetricAndBytesOtherwise() {
        PrivateMaterial p256 = material(KeySpec.ECC_NIST_P256);
        PrivateMaterial withoutPublicKey = PrivateMaterial.of(KeySpec.ECC_NIST_P256, BadMaterial.withoutPublicKey(p256));
        assertThat(withoutPublicKey).isNotEqualTo(p256);
        assertThat(KeyImport.sameKey(p256, withoutPublicKey)).isTrue();
        assertThat(KeyImport.sameKey(p256, otherMaterial(KeySpec.ECC_NIST_P256))).isFalse();
        PrivateMaterial hmac = PrivateMaterial.of(KeySpec.HMAC_256, Fixtures.bytes(32, 1));
        assertThat(KeyImport.sameKey(hmac, PrivateMaterial.of(KeySpec.HMAC_256, Fixtures.bytes(32, 1)))).isTrue();
        assertThat(KeyImport.sameKey(hmac, PrivateMaterial.of(KeySpec.HMAC_256, Fixtures.bytes(32, 2)))).isFalse();
        assertThat(KeyImport.sameKey(hmac, PrivateMaterial.of(KeySpec.HMAC_384, Fixtures.bytes(32, 1)))).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = WrappingKeySpec.class, names = {"RSA_2048", "SM2"})
    void wrappingKeysAreFreshPairsOfTheirSpec(WrappingKeySpec spec) {
        DataKeyPair pair = KeyImport.generateWrappingKey(spec);
        assertThat(pair.spec()).isEqualTo(spec.keySpec());
        assertThat(AsymmetricKey.parse(pair.privateKey()).publicKey()).isEqualTo(pair.publicKey());
    }

    /** What an importing client does, written with the JDK only (OAEP, and its own AES/KWP/NoPadding). */
    static final class ClientWrap {
        static byte[] wrap(WrappingAlgorithm algorithm, KeySpec wrappingSpec, byte[] material) throws Exception {
            if (!algorithm.usesAesKeyWrap()) {
                return oaep(algorithm, wrappingSpec, material);
            }
            byte[] kek = Randomness.bytes(32);
            return concat(oaep(algorithm, wrappingSpec, kek), kwp(kek, material));
        }

        static byte[] oaep(WrappingAlgorithm algorithm, KeySpec wrappingSpec, byte[] data) throws GeneralSecurityException {
            boolean sha1 = algorithm.name().endsWith("SHA_1");
            Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
            cipher.init(Cipher.ENCRYPT_MODE, CrossImplementationTest.jdkPublicKey(wrappingSpec), sha1
                    ? new OAEPParameterSpec("SHA-1", "MGF1", MGF1ParameterSpec.SHA1, PSource.PSpecified.DEFAULT)
                    : new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
            return cipher.doFinal(data);
        }

        static byte[] kwp(byte[] kek, byte[] material) throws GeneralSecurityException {
            Cipher cipher = Cipher.getInstance("AES/KWP/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(kek, "AES"));
            return cipher.doFinal(material);
        }

        static byte[] concat(byte[] a, byte[] b) {
            byte[] out = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, out, a.length, b.length);
            return out;
        }
    }
}
