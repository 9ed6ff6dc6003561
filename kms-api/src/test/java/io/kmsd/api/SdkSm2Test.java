package io.kmsd.api;

import static io.kmsd.api.SdkAssertions.fails;
import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import javax.crypto.KeyAgreement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.DataKeyPairSpec;
import software.amazon.awssdk.services.kms.model.EncryptionAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.InvalidKeyUsageException;
import software.amazon.awssdk.services.kms.model.KmsInvalidSignatureException;
import software.amazon.awssdk.services.kms.model.KeyAgreementAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.UnsupportedOperationException;

/**
 * SM2 on a server started with {@code kms.crypto.allowSm2: true} (kms-api §3.2 "ours: config flag"): SM2DSA
 * signatures, SM2PKE encryption, ECDH key agreement and SM2 data key pairs through the AWS SDK. The default server refuses SM2
 * (SdkDataKeyPairTest and the CreateKey tests); the cryptographic interoperability checks are in Sm2HandlersTest.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SdkSm2Test {
    static final DropwizardAppExtension<KmsConfiguration> APP =
            TestServer.app(ConfigOverride.config("kms.crypto.allowSm2", "true"));
    static final LazyKms KMS = new LazyKms(APP, TestServer.alice());
    static final SdkBytes MESSAGE = SdkBytes.fromString("sm2 message", StandardCharsets.UTF_8);

    @AfterAll
    static void close() {
        KMS.close();
    }

    private static String key(KeyUsageType usage) {
        return KMS.get().createKey(r -> r.keySpec(KeySpec.SM2).keyUsage(usage)).keyMetadata().keyId();
    }

    @Test
    void sm2dsaSignaturesVerifyAndATamperedOneDoesNot() {
        String key = key(KeyUsageType.SIGN_VERIFY);
        SdkBytes signature = KMS.get().sign(r -> r.keyId(key).message(MESSAGE).messageType(MessageType.RAW)
                .signingAlgorithm(SigningAlgorithmSpec.SM2_DSA)).signature();
        assertThat(KMS.get().verify(r -> r.keyId(key).message(MESSAGE).signature(signature)
                .signingAlgorithm(SigningAlgorithmSpec.SM2_DSA)).signatureValid()).isTrue();
        byte[] bad = signature.asByteArray();
        bad[bad.length - 1] ^= 1;
        fails(KmsInvalidSignatureException.class, () -> KMS.get().verify(r -> r.keyId(key).message(MESSAGE)
                .signature(SdkBytes.fromByteArray(bad)).signingAlgorithm(SigningAlgorithmSpec.SM2_DSA)));
    }

    @Test
    void sm2pkeRoundTripsAndRefusesTheSymmetricDefault() {
        String key = key(KeyUsageType.ENCRYPT_DECRYPT);
        SdkBytes ciphertext = KMS.get().encrypt(r -> r.keyId(key).plaintext(MESSAGE)
                .encryptionAlgorithm(EncryptionAlgorithmSpec.SM2_PKE)).ciphertextBlob();
        assertThat(KMS.get().decrypt(r -> r.keyId(key).ciphertextBlob(ciphertext)
                .encryptionAlgorithm(EncryptionAlgorithmSpec.SM2_PKE)).plaintext()).isEqualTo(MESSAGE);
        fails(InvalidKeyUsageException.class, () -> KMS.get().encrypt(
                r -> r.keyId(key).plaintext(MESSAGE)));
    }

    @Test
    void sm2DataKeyPairsAreMadeUnderASymmetricKey() {
        String key = KMS.get().createKey(r -> { }).keyMetadata().keyId();
        var pair = KMS.get().generateDataKeyPair(r -> r.keyId(key).keyPairSpec(DataKeyPairSpec.SM2));
        assertThat(pair.keyPairSpec()).isEqualTo(DataKeyPairSpec.SM2);
        assertThat(pair.publicKey().asByteArray()).isNotEmpty();
        assertThat(KMS.get().decrypt(r -> r.ciphertextBlob(pair.privateKeyCiphertextBlob())).plaintext())
                .isEqualTo(pair.privateKeyPlaintext());
    }

    /** The local side is BouncyCastle on sm2p256v1, working only from GetPublicKey's SubjectPublicKeyInfo. */
    @Test
    void sm2EcdhMatchesALocalAgreementFromThePublicKeyAlone() throws Exception {
        String key = key(KeyUsageType.KEY_AGREEMENT);
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", LocalCrypto.BC);
        g.initialize(new ECGenParameterSpec("sm2p256v1"));
        KeyPair local = g.generateKeyPair();
        SdkBytes secret = KMS.get().deriveSharedSecret(r -> r.keyId(key)
                .keyAgreementAlgorithm(KeyAgreementAlgorithmSpec.ECDH)
                .publicKey(SdkBytes.fromByteArray(local.getPublic().getEncoded()))).sharedSecret();
        byte[] spki = KMS.get().getPublicKey(r -> r.keyId(key)).publicKey().asByteArray();
        PublicKey server = KeyFactory.getInstance("EC", LocalCrypto.BC).generatePublic(new X509EncodedKeySpec(spki));
        KeyAgreement agreement = KeyAgreement.getInstance("ECDH", LocalCrypto.BC);
        agreement.init(local.getPrivate());
        agreement.doPhase(server, true);
        assertThat(secret.asByteArray()).hasSize(32).isEqualTo(agreement.generateSecret());
        fails(InvalidKeyUsageException.class, () -> KMS.get().sign(r -> r.keyId(key).message(MESSAGE)
                .signingAlgorithm(SigningAlgorithmSpec.SM2_DSA)));
    }

    @Test
    void sm2KeysStillCannotUseAnotherUsagesAlgorithm() {
        String key = key(KeyUsageType.SIGN_VERIFY);
        fails(InvalidKeyUsageException.class, () -> KMS.get().encrypt(
                r -> r.keyId(key).plaintext(MESSAGE).encryptionAlgorithm(EncryptionAlgorithmSpec.SM2_PKE)));
        fails(UnsupportedOperationException.class, () -> KMS.get().enableKeyRotation(r -> r.keyId(key)));
    }
}
