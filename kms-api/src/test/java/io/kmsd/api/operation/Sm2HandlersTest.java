package io.kmsd.api.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kmsd.api.auth.Principal;
import io.kmsd.api.authz.Authorizer;
import io.kmsd.api.authz.AuthzDecision;
import io.kmsd.api.authz.AuthzRequest;
import io.kmsd.api.protocol.Call;
import io.kmsd.api.wire.Blob;
import io.kmsd.core.Core;
import io.kmsd.core.CoreConfig;
import io.kmsd.core.NewKey;
import io.kmsd.core.error.KmsError;
import io.kmsd.core.error.KmsException;
import io.kmsd.core.key.AccountId;
import io.kmsd.core.key.KeyArn;
import io.kmsd.core.key.KeySpec;
import io.kmsd.core.key.KeyUsage;
import io.kmsd.core.key.Origin;
import io.kmsd.core.key.Region;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.crypto.KeyAgreement;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SM2 (kms-api §3.2) through the handlers, on a core with {@code allowSm2} (SdkSm2Test drives a server with
 * {@code kms.crypto.allowSm2: true} through the SDK): SM2DSA signatures verify with
 * BouncyCastle's SM3withSM2 (ID 1234567812345678), SM2PKE round-trips, ECDH matches a local SM2 agreement, and
 * SM2 data key pairs are made. Authorization is allow-all here; the SDK tests cover it.
 */
class Sm2HandlersTest {
    static final Region REGION = new Region("us-east-1");
    static final AccountId ACCOUNT = new AccountId("111122223333");
    static final BouncyCastleProvider BC = new BouncyCastleProvider();
    static final Authorizer ALLOW_ALL = new Authorizer() {
        @Override
        public AuthzDecision decide(AuthzRequest request) {
            return AuthzDecision.allow("test");
        }

        @Override
        public Optional<KmsException> checkPolicyWrite(AuthzRequest request, String newPolicy) {
            return Optional.empty();
        }
    };

    @TempDir
    static Path dir;
    static Core core;
    static KeyAccess access;

    @BeforeAll
    static void start() {
        core = Core.start(CoreConfig.builder().h2(dir).allowSm2(true).build());
        access = new KeyAccess(core.keys(), core.grants(), ALLOW_ALL);
    }

    @AfterAll
    static void stop() {
        core.close();
    }

    static Call call(String operation) {
        return new Call("req", operation, Principal.root(ACCOUNT, "AKIATEST"), REGION, Instant.now(),
                Call.ClientInfo.UNKNOWN);
    }

    static KeyArn sm2(KeyUsage usage) {
        return core.keys().createKey(new NewKey(ACCOUNT, REGION, "", KeySpec.SM2, usage, Origin.AWS_KMS, List.of(),
                null, false)).arn();
    }

    static byte[] publicKey(KeyArn key) {
        GetPublicKeyHandler.Response out = new GetPublicKeyHandler(access).handle(call("GetPublicKey"),
                new GetPublicKeyHandler.Request(key.toString(), null));
        return out.publicKey().bytes();
    }

    @Test
    void sm2dsaSignaturesVerifyWithBouncyCastle() throws Exception {
        KeyArn key = sm2(KeyUsage.SIGN_VERIFY);
        byte[] message = "a message for SM2".getBytes(StandardCharsets.UTF_8);
        byte[] signature = new SignHandler(access).handle(call("Sign"), new SignHandler.Request(key.toString(),
                Blob.adopt(message.clone()), null, null, "SM2DSA", null)).signature().bytes();
        Signature local = Signature.getInstance("SM3withSM2", BC);
        local.initVerify(KeyFactory.getInstance("EC", BC).generatePublic(new X509EncodedKeySpec(publicKey(key))));
        local.update(message);
        assertThat(local.verify(signature)).isTrue();
        assertThat(new VerifyHandler(access).handle(call("Verify"), new VerifyHandler.Request(key.toString(),
                Blob.adopt(message), "RAW", Blob.adopt(signature), "SM2DSA", null, null)).signatureValid()).isTrue();
        KmsException wrong = catchThrowableOfType(KmsException.class, () -> new SignHandler(access)
                .handle(call("Sign"), new SignHandler.Request(key.toString(), Blob.adopt(message), null, null,
                        "ECDSA_SHA_256", null)));
        assertThat(wrong.error()).isEqualTo(KmsError.InvalidKeyUsage);
        assertThat(wrong.getMessage()).isEqualTo("Algorithm ECDSA_SHA_256 is incompatible with key spec SM2.");
    }

    @Test
    void sm2pkeRoundTripsAndTheGetPublicKeyListsIt() {
        KeyArn key = sm2(KeyUsage.ENCRYPT_DECRYPT);
        byte[] plaintext = "sm2 plaintext".getBytes(StandardCharsets.UTF_8);
        EncryptHandler.Response sealed = new EncryptHandler(access).handle(call("Encrypt"), new EncryptHandler.Request(
                key.toString(), Blob.adopt(plaintext.clone()), null, null, "SM2PKE", null));
        assertThat(sealed.encryptionAlgorithm()).isEqualTo("SM2PKE");
        DecryptHandler.Response opened = new DecryptHandler(access).handle(call("Decrypt"), new DecryptHandler.Request(
                sealed.ciphertextBlob(), null, null, key.toString(), "SM2PKE", null, null, null));
        assertThat(opened.plaintext().bytes()).isEqualTo(plaintext);
        GetPublicKeyHandler.Response info = new GetPublicKeyHandler(access).handle(call("GetPublicKey"),
                new GetPublicKeyHandler.Request(key.toString(), null));
        assertThat(info.encryptionAlgorithms()).containsExactly("SM2PKE");
        assertThat(info.signingAlgorithms()).isNull();
        assertThat(info.customerMasterKeySpec()).isEqualTo("SM2");
    }

    @Test
    void sm2EcdhMatchesALocalAgreement() throws Exception {
        KeyArn key = sm2(KeyUsage.KEY_AGREEMENT);
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", BC);
        g.initialize(new ECGenParameterSpec("sm2p256v1"));
        KeyPair local = g.generateKeyPair();
        byte[] secret = new DeriveSharedSecretHandler(access).handle(call("DeriveSharedSecret"),
                new DeriveSharedSecretHandler.Request(key.toString(), "ECDH", Blob.adopt(local.getPublic().getEncoded()),
                        null, null, null)).sharedSecret().bytes();
        PublicKey peer = KeyFactory.getInstance("EC", BC).generatePublic(new X509EncodedKeySpec(publicKey(key)));
        KeyAgreement agreement = KeyAgreement.getInstance("ECDH", BC);
        agreement.init(local.getPrivate());
        agreement.doPhase(peer, true);
        assertThat(secret).hasSize(32).isEqualTo(agreement.generateSecret());
    }

    @Test
    void sm2DataKeyPairsAreMadeWhenAllowed() throws Exception {
        KeyArn symmetric = core.keys().createKey(NewKey.symmetric(ACCOUNT, REGION)).arn();
        GenerateDataKeyPairHandler.Response pair = new GenerateDataKeyPairHandler(access).handle(
                call("GenerateDataKeyPair"), new DataKeyPairRequest(null, symmetric.toString(), "SM2", null, null, null));
        assertThat(pair.keyPairSpec()).isEqualTo("SM2");
        assertThat(KeyFactory.getInstance("EC", BC).generatePublic(new X509EncodedKeySpec(pair.publicKey().bytes())))
                .isNotNull();
        byte[] opened = new DecryptHandler(access).handle(call("Decrypt"), new DecryptHandler.Request(
                pair.privateKeyCiphertextBlob(), null, null, null, null, null, null, null)).plaintext().bytes();
        assertThat(opened).isEqualTo(pair.privateKeyPlaintext().bytes());
    }
}
