package io.kmsd.core.lifecycle;

import static io.kmsd.core.testing.Ids.ACCOUNT;
import static io.kmsd.core.testing.Ids.REGION;
import static io.kmsd.core.testing.KmsAssertions.assertFails;
import static io.kmsd.core.testing.KmsAssertions.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmsd.core.Core;
import io.kmsd.core.CoreConfig;
import io.kmsd.core.GeneratedKeyPair;
import io.kmsd.core.KeyService;
import io.kmsd.core.NewKey;
import io.kmsd.core.PublicKeyInfo;
import io.kmsd.core.crypto.EncryptionContext;
import io.kmsd.core.crypto.Plaintext;
import io.kmsd.core.crypto.asymmetric.KeyAgreementAlgorithm;
import io.kmsd.core.crypto.asymmetric.MacAlgorithm;
import io.kmsd.core.crypto.asymmetric.MessageType;
import io.kmsd.core.crypto.asymmetric.SigningAlgorithm;
import io.kmsd.core.error.KmsError;
import io.kmsd.core.key.KeyArn;
import io.kmsd.core.key.KeySpec;
import io.kmsd.core.key.KeyUsage;
import io.kmsd.core.testing.MutableClock;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The key service's operations for non-symmetric keys (kms-api §4.4-§4.6, §6.29-§6.40): each through the state
 * table and a usage check, with the spec's messages. Keys are created once per class (keygen is slow).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyTypeOperationsTest {
    private static final byte[] MESSAGE = "attack at dawn".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    @TempDir
    static Path dataDir;
    private Core core;
    private KeyService keys;
    private KeyArn symmetric;
    private KeyArn rsaEncrypt;
    private KeyArn rsaSign;
    private KeyArn p256Sign;
    private KeyArn p256Agree;
    private KeyArn p256Agree2;
    private KeyArn hmac224;
    private KeyArn sm2Encrypt;

    @BeforeAll
    void createKeys() {
        core = Core.start(CoreConfig.builder().h2(dataDir).clock(MutableClock.at("2030-01-01T00:00:00Z"))
                .allowSm2(true).build());
        keys = core.keys();
        symmetric = keys.createKey(NewKey.symmetric(ACCOUNT, REGION)).arn();
        rsaEncrypt = create(KeySpec.RSA_2048, KeyUsage.ENCRYPT_DECRYPT);
        rsaSign = create(KeySpec.RSA_2048, KeyUsage.SIGN_VERIFY);
        p256Sign = create(KeySpec.ECC_NIST_P256, KeyUsage.SIGN_VERIFY);
        p256Agree = create(KeySpec.ECC_NIST_P256, KeyUsage.KEY_AGREEMENT);
        p256Agree2 = create(KeySpec.ECC_NIST_P256, KeyUsage.KEY_AGREEMENT);
        hmac224 = create(KeySpec.HMAC_224, KeyUsage.GENERATE_VERIFY_MAC);
        sm2Encrypt = create(KeySpec.SM2, KeyUsage.ENCRYPT_DECRYPT);
    }

    @AfterAll
    void stop() {
        core.close();
    }

    private KeyArn create(KeySpec spec, KeyUsage usage) {
        return keys.createKey(new NewKey(ACCOUNT, REGION, null, spec, usage, null, null, null, false)).arn();
    }

    @ParameterizedTest
    @EnumSource(value = KeySpec.class, names = {"RSA_2048", "ECC_NIST_P384", "ECC_NIST_P521", "ECC_SECG_P256K1",
            "ECC_NIST_EDWARDS25519", "ML_DSA_44", "SM2"})
    void everySigningAlgorithmOfTheSpecSignsAndVerifies(KeySpec spec) {
        // kms-api §6.35
        KeyArn key = spec == KeySpec.RSA_2048 ? rsaSign : create(spec, KeyUsage.SIGN_VERIFY);
        for (String name : spec.algorithmsFor(KeyUsage.SIGN_VERIFY)) {
            SigningAlgorithm alg = SigningAlgorithm.valueOf(name);
            MessageType type = alg == SigningAlgorithm.ED25519_PH_SHA_512 ? MessageType.DIGEST : MessageType.RAW;
            byte[] message = type == MessageType.DIGEST ? new byte[64] : MESSAGE;
            byte[] signature = keys.sign(key, message, type, alg);
            keys.verify(key, message, type, signature, alg);
            byte[] bad = signature.clone();
            bad[bad.length / 2] ^= 1;
            assertFails(() -> keys.verify(key, message, type, bad, alg), KmsError.KMSInvalidSignature, "");
        }
    }

    @Test
    void signatureVerifiesWithTheJdkAndThePublicKey() throws Exception {
        // kms-api §6.35, §6.39
        byte[] signature = keys.sign(p256Sign, MESSAGE, MessageType.RAW, SigningAlgorithm.ECDSA_SHA_256);
        PublicKeyInfo info = keys.publicKey(p256Sign);
        assertThat(info.key()).isEqualTo(p256Sign);
        assertThat(info.algorithms()).containsExactly("ECDSA_SHA_256");
        PublicKey pub = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(info.publicKey()));
        Signature jdk = Signature.getInstance("SHA256withECDSA");
        jdk.initVerify(pub);
        jdk.update(MESSAGE);
        assertThat(jdk.verify(signature)).isTrue();
    }

    @Test
    void wrongUsageIsInvalidKeyUsageWithTheSpecMessage() {
        // kms-api §4.0, §6.30, §6.40
        assertFails(() -> keys.encrypt(rsaSign, Plaintext.of(MESSAGE), EncryptionContext.empty(),
                "RSAES_OAEP_SHA_256"), KmsError.InvalidKeyUsage,
                rsaSign + " key usage is SIGN_VERIFY which is not valid for Encrypt.");
        assertFails(() -> keys.sign(rsaEncrypt, MESSAGE, MessageType.RAW, SigningAlgorithm.RSASSA_PSS_SHA_256),
                KmsError.InvalidKeyUsage, rsaEncrypt + " key usage is ENCRYPT_DECRYPT which is not valid for Sign.");
        assertFails(() -> keys.generateMac(symmetric, MESSAGE, MacAlgorithm.HMAC_SHA_256), KmsError.InvalidKeyUsage,
                symmetric + " key usage is ENCRYPT_DECRYPT which is not valid for GenerateMac.");
        assertFails(() -> keys.deriveSharedSecret(p256Sign, KeyAgreementAlgorithm.ECDH,
                keys.publicKey(p256Agree).publicKey()), KmsError.InvalidKeyUsage,
                p256Sign + " key usage is SIGN_VERIFY which is not valid for DeriveSharedSecret.");
        assertFails(() -> keys.verifyMac(p256Agree, MESSAGE, new byte[28], MacAlgorithm.HMAC_SHA_224),
                KmsError.InvalidKeyUsage, p256Agree + " key usage is KEY_AGREEMENT which is not valid for VerifyMac.");
        assertFails(() -> keys.sign(hmac224, MESSAGE, MessageType.RAW, SigningAlgorithm.ECDSA_SHA_256),
                KmsError.InvalidKeyUsage, hmac224 + " key usage is GENERATE_VERIFY_MAC which is not valid for Sign.");
    }

    @Test
    void algorithmOfAnotherSpecIsIncompatible() {
        // kms-api §4.0, §6.38
        assertFails(() -> keys.sign(p256Sign, MESSAGE, MessageType.RAW, SigningAlgorithm.ECDSA_SHA_384),
                KmsError.InvalidKeyUsage, "Algorithm ECDSA_SHA_384 is incompatible with key spec ECC_NIST_P256.");
        assertFails(() -> keys.generateMac(hmac224, MESSAGE, MacAlgorithm.HMAC_SHA_256), KmsError.InvalidKeyUsage,
                "Algorithm HMAC_SHA_256 is incompatible with key spec HMAC_224.");
        assertFails(() -> keys.encrypt(symmetric, Plaintext.of(MESSAGE), EncryptionContext.empty(),
                "RSAES_OAEP_SHA_256"), KmsError.InvalidKeyUsage,
                "Algorithm RSAES_OAEP_SHA_256 is incompatible with key spec SYMMETRIC_DEFAULT.");
        assertFails(() -> keys.encrypt(rsaEncrypt, Plaintext.of(MESSAGE), EncryptionContext.empty(), "SM2PKE"),
                KmsError.InvalidKeyUsage, "Algorithm SM2PKE is incompatible with key spec RSA_2048.");
    }

    @Test
    void asymmetricEncryptionNeedsAnExplicitAlgorithm() {
        // kms-api §4.4 "asymmetric keys need an explicit algorithm"; §6.29 Decrypt needs KeyId + algorithm
        assertFails(() -> keys.encrypt(rsaEncrypt, Plaintext.of(MESSAGE), EncryptionContext.empty()),
                KmsError.InvalidKeyUsage, "Algorithm SYMMETRIC_DEFAULT is incompatible with key spec RSA_2048.");
        byte[] blob = keys.encrypt(rsaEncrypt, Plaintext.of(MESSAGE), EncryptionContext.empty(), "RSAES_OAEP_SHA_1")
                .ciphertextBlob();
        assertFails(() -> keys.decrypt(rsaEncrypt, blob, EncryptionContext.empty()), KmsError.InvalidKeyUsage,
                "Algorithm SYMMETRIC_DEFAULT is incompatible with key spec RSA_2048.");
        assertThat(keys.decrypt(rsaEncrypt, blob, EncryptionContext.empty(), "RSAES_OAEP_SHA_1").plaintext().bytes())
                .isEqualTo(MESSAGE);
        failure(() -> keys.decrypt(rsaEncrypt, blob, EncryptionContext.empty(), "RSAES_OAEP_SHA_256"),
                KmsError.InvalidCiphertext);
    }

    @Test
    void rsaOaepSha256TakesAtMost190BytesOnRsa2048() {
        // kms-api §6.29
        var ok = keys.encrypt(rsaEncrypt, Plaintext.of(new byte[190]), EncryptionContext.empty(), "RSAES_OAEP_SHA_256");
        assertThat(ok.keyMaterialId()).isNull();
        assertThat(ok.ciphertextBlob()).hasSize(256);
        assertFails(() -> keys.encrypt(rsaEncrypt, Plaintext.of(new byte[191]), EncryptionContext.empty(),
                "RSAES_OAEP_SHA_256"), KmsError.Validation,
                "Algorithm RSAES_OAEP_SHA_256 and key spec RSA_2048 cannot encrypt data larger than 190 bytes.");
    }

    @Test
    void encryptionContextWithAnAsymmetricKeyIsAValidationError() {
        // kms-api §3.5
        assertFails(() -> keys.encrypt(rsaEncrypt, Plaintext.of(MESSAGE), EncryptionContext.of(Map.of("a", "b")),
                "RSAES_OAEP_SHA_256"), KmsError.Validation,
                "EncryptionContext is not supported with asymmetric KMS keys.");
    }

    @Test
    void sm2pkeRoundTrips() {
        byte[] blob = keys.encrypt(sm2Encrypt, Plaintext.of(MESSAGE), EncryptionContext.empty(), "SM2PKE")
                .ciphertextBlob();
        assertThat(keys.decrypt(sm2Encrypt, blob, EncryptionContext.empty(), "SM2PKE").plaintext().bytes())
                .isEqualTo(MESSAGE);
    }

    @Test
    void digestOfTheWrongLengthFails() {
        // kms-api §6.37
        assertFails(() -> keys.sign(p256Sign, new byte[31], MessageType.DIGEST, SigningAlgorithm.ECDSA_SHA_256),
                KmsError.Validation, "Digest is invalid length for algorithm ECDSA_SHA_256.");
    }

    @Test
    void macRoundTripsAndAnAlteredMessageFails() {
        // kms-api §6.38
        byte[] mac = keys.generateMac(hmac224, MESSAGE, MacAlgorithm.HMAC_SHA_224);
        assertThat(mac).hasSize(28);
        keys.verifyMac(hmac224, MESSAGE, mac, MacAlgorithm.HMAC_SHA_224);
        byte[] altered = Arrays.copyOf(MESSAGE, MESSAGE.length + 1);
        assertFails(() -> keys.verifyMac(hmac224, altered, mac, MacAlgorithm.HMAC_SHA_224), KmsError.KMSInvalidMac,
                "");
    }

    @Test
    void publicKeyOfSymmetricOrHmacKeyIsUnsupported() {
        // kms-api §6.39
        failure(() -> keys.publicKey(symmetric), KmsError.UnsupportedOperation);
        failure(() -> keys.publicKey(hmac224), KmsError.UnsupportedOperation);
        assertThat(keys.publicKey(rsaEncrypt).algorithms()).containsExactly("RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256");
    }

    @Test
    void twoP256KeysDeriveTheSameSecret() {
        // kms-api §6.40
        Plaintext ab = keys.deriveSharedSecret(p256Agree, KeyAgreementAlgorithm.ECDH,
                keys.publicKey(p256Agree2).publicKey());
        Plaintext ba = keys.deriveSharedSecret(p256Agree2, KeyAgreementAlgorithm.ECDH,
                keys.publicKey(p256Agree).publicKey());
        assertThat(ab.length()).isEqualTo(32);
        assertThat(ab).isEqualTo(ba);
        assertFails(() -> keys.deriveSharedSecret(p256Agree, KeyAgreementAlgorithm.ECDH, new byte[] {1, 2}),
                KmsError.Validation, "");
    }

    @Test
    void dataKeyPairDecryptsToExactlyThePkcs8Bytes() throws Exception {
        // kms-api §6.33
        GeneratedKeyPair pair = keys.generateDataKeyPair(symmetric, KeySpec.ECC_NIST_P256, EncryptionContext.empty());
        assertThat(keys.decrypt(symmetric, pair.privateKeyCiphertextBlob(), EncryptionContext.empty()).plaintext())
                .isEqualTo(pair.privateKeyPlaintext());
        KeyFactory ec = KeyFactory.getInstance("EC");
        PrivateKey priv = ec.generatePrivate(new PKCS8EncodedKeySpec(pair.privateKeyPlaintext().bytes()));
        PublicKey pub = ec.generatePublic(new X509EncodedKeySpec(pair.publicKey()));
        Signature s = Signature.getInstance("SHA256withECDSA");
        s.initSign(priv);
        s.update(MESSAGE);
        byte[] sig = s.sign();
        s.initVerify(pub);
        s.update(MESSAGE);
        assertThat(s.verify(sig)).isTrue();
        assertThat(pair.keyMaterialId()).isEqualTo(keys.describe(symmetric).currentKeyMaterialId());
    }

    @Test
    void dataKeysNeedASymmetricKeyAndAPairSpec() {
        // kms-api §4.5, §6.32
        assertFails(() -> keys.generateDataKeyPair(rsaEncrypt, KeySpec.ECC_NIST_P256, EncryptionContext.empty()),
                KmsError.InvalidKeyUsage,
                rsaEncrypt + " key usage is ENCRYPT_DECRYPT which is not valid for GenerateDataKeyPair.");
        assertFails(() -> keys.generateDataKey(rsaEncrypt, 32, EncryptionContext.empty()), KmsError.InvalidKeyUsage,
                rsaEncrypt + " key usage is ENCRYPT_DECRYPT which is not valid for GenerateDataKey.");
        failure(() -> keys.generateDataKeyPair(symmetric, KeySpec.ML_DSA_44, EncryptionContext.empty()), KmsError.UnsupportedOperation);
        failure(() -> keys.generateDataKeyPair(symmetric, KeySpec.HMAC_256, EncryptionContext.empty()), KmsError.UnsupportedOperation);
    }

    @Test
    void disabledAsymmetricKeyRefusesEveryOperation() {
        // kms-api §3.4 row 1 and GetPublicKey (D)
        KeyArn key = create(KeySpec.ECC_NIST_P256, KeyUsage.SIGN_VERIFY);
        keys.disable(key);
        assertFails(() -> keys.sign(key, MESSAGE, MessageType.RAW, SigningAlgorithm.ECDSA_SHA_256), KmsError.Disabled,
                key + " is disabled.");
        assertFails(() -> keys.publicKey(key), KmsError.Disabled, key + " is disabled.");
        assertFails(() -> keys.verify(key, MESSAGE, MessageType.RAW, new byte[8], SigningAlgorithm.ECDSA_SHA_256),
                KmsError.Disabled, key + " is disabled.");
    }

}
