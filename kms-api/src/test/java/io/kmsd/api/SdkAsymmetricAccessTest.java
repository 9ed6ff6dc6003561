package io.kmsd.api;

import static io.kmsd.api.SdkAssertions.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.GrantOperation;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyUsageType;

/**
 * Who may use asymmetric, HMAC and key-agreement keys (key-policy-semantics K3, kms-api §4.0, §4.6): the
 * condition keys kms:SigningAlgorithm, kms:MessageType, kms:MacAlgorithm, kms:KeyAgreementAlgorithm,
 * kms:DataKeyPairSpec and kms:EncryptionAlgorithm carry the request's values; grants and other accounts work.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SdkAsymmetricAccessTest {
    static final DropwizardAppExtension<KmsConfiguration> APP = TestServer.app();
    static final String ALICE = "arn:aws:iam::" + TestIdentities.ACCOUNT_A + ":user/payments/alice";
    static final SdkBytes MESSAGE = SdkBytes.fromUtf8String("message");
    static final LazyKms KMS = new LazyKms(APP, TestServer.alice());

    static KmsClient alice() {
        return KMS.get();
    }

    @AfterAll
    static void close() {
        KMS.close();
    }

    /** The account's root allowed everything, plus {@code extra} statements. */
    static String policy(String extra) {
        return """
                {"Version": "2012-10-17", "Statement": [{"Sid": "Root", "Effect": "Allow",
                 "Principal": {"AWS": "arn:aws:iam::%s:root"}, "Action": "kms:*", "Resource": "*"}, %s]}
                """.formatted(TestIdentities.ACCOUNT_A, extra);
    }

    /** A Deny of {@code actions} to everyone when {@code conditionKey} equals {@code value}. */
    static String denyWhen(String actions, String conditionKey, String value) {
        return """
                {"Sid": "Deny%s", "Effect": "Deny", "Principal": {"AWS": "*"}, "Action": %s, "Resource": "*",
                 "Condition": {"StringEquals": {"%s": "%s"}}}""".formatted(conditionKey.substring(4), actions,
                conditionKey, value);
    }

    static KeyMetadata key(String spec, KeyUsageType usage, String policy) {
        return alice().createKey(r -> r.keySpec(spec).keyUsage(usage).policy(policy)).keyMetadata();
    }

    static String explicitDeny(String action, KeyMetadata key) {
        return "User: " + ALICE + " is not authorized to perform: " + action + " on resource: " + key.arn()
                + " with an explicit deny in a resource-based policy";
    }

    @Test
    void signingAlgorithmAndMessageTypeReachThePolicy() { // K3
        KeyMetadata key = key("RSA_2048", KeyUsageType.SIGN_VERIFY, policy(denyWhen("\"kms:Sign\"",
                "kms:SigningAlgorithm", "RSASSA_PKCS1_V1_5_SHA_256") + ", " + denyWhen("\"kms:Verify\"",
                "kms:MessageType", "DIGEST")));
        SdkBytes signature = alice().sign(r -> r.keyId(key.keyId()).message(MESSAGE)
                .signingAlgorithm("RSASSA_PSS_SHA_256")).signature();
        failsWith("AccessDeniedException", explicitDeny("kms:Sign", key), () -> alice().sign(r -> r
                .keyId(key.keyId()).message(MESSAGE).signingAlgorithm("RSASSA_PKCS1_V1_5_SHA_256")));
        assertThat(alice().verify(r -> r.keyId(key.keyId()).message(MESSAGE).signature(signature)
                .signingAlgorithm("RSASSA_PSS_SHA_256")).signatureValid()).isTrue();
        failsWith("AccessDeniedException", explicitDeny("kms:Verify", key), () -> alice().verify(r -> r
                .keyId(key.keyId()).message(SdkBytes.fromByteArray(new byte[32])).messageType("DIGEST")
                .signature(signature).signingAlgorithm("RSASSA_PSS_SHA_256")));
    }

    @Test
    void macAndKeyAgreementAlgorithmsReachThePolicy() { // K3
        KeyMetadata hmac = key("HMAC_256", KeyUsageType.GENERATE_VERIFY_MAC, policy(denyWhen("\"kms:VerifyMac\"",
                "kms:MacAlgorithm", "HMAC_SHA_256")));
        SdkBytes mac = alice().generateMac(r -> r.keyId(hmac.keyId()).message(MESSAGE).macAlgorithm("HMAC_SHA_256"))
                .mac();
        failsWith("AccessDeniedException", explicitDeny("kms:VerifyMac", hmac), () -> alice().verifyMac(r -> r
                .keyId(hmac.keyId()).message(MESSAGE).mac(mac).macAlgorithm("HMAC_SHA_256")));
        KeyMetadata agreement = key("ECC_NIST_P256", KeyUsageType.KEY_AGREEMENT,
                policy(denyWhen("\"kms:DeriveSharedSecret\"", "kms:KeyAgreementAlgorithm", "ECDH")));
        SdkBytes peer = alice().getPublicKey(r -> r.keyId(agreement.keyId())).publicKey();
        failsWith("AccessDeniedException", explicitDeny("kms:DeriveSharedSecret", agreement), () -> alice()
                .deriveSharedSecret(r -> r.keyId(agreement.keyId()).keyAgreementAlgorithm("ECDH").publicKey(peer)));
    }

    @Test
    void dataKeyPairSpecAndEncryptionAlgorithmReachThePolicy() { // K3
        KeyMetadata symmetric = alice().createKey(r -> r.policy(policy(denyWhen(
                "[\"kms:GenerateDataKeyPair\", \"kms:GenerateDataKeyPairWithoutPlaintext\"]", "kms:DataKeyPairSpec",
                "RSA_4096")))).keyMetadata();
        assertThat(alice().generateDataKeyPair(r -> r.keyId(symmetric.keyId()).keyPairSpec("ECC_NIST_P256"))
                .publicKey()).isNotNull();
        failsWith("AccessDeniedException", explicitDeny("kms:GenerateDataKeyPairWithoutPlaintext", symmetric),
                () -> alice().generateDataKeyPairWithoutPlaintext(r -> r.keyId(symmetric.keyId())
                        .keyPairSpec("RSA_4096")));
        KeyMetadata rsa = key("RSA_2048", KeyUsageType.ENCRYPT_DECRYPT,
                policy(denyWhen("\"kms:Encrypt\"", "kms:EncryptionAlgorithm", "RSAES_OAEP_SHA_1")));
        assertThat(alice().encrypt(r -> r.keyId(rsa.keyId()).plaintext(MESSAGE).encryptionAlgorithm(
                "RSAES_OAEP_SHA_256")).ciphertextBlob()).isNotNull();
        failsWith("AccessDeniedException", explicitDeny("kms:Encrypt", rsa), () -> alice().encrypt(r -> r
                .keyId(rsa.keyId()).plaintext(MESSAGE).encryptionAlgorithm("RSAES_OAEP_SHA_1")));
    }

    @Test
    void aGrantGivesSignAndGetPublicKeyButNotVerify() { // kms-api §4.0 GrantTokens, §4.9
        KeyMetadata key = alice().createKey(r -> r.keySpec("ECC_NIST_P384").keyUsage(KeyUsageType.SIGN_VERIFY))
                .keyMetadata();
        String gina = "arn:aws:iam::" + TestIdentities.ACCOUNT_A + ":user/gina";
        String token = alice().createGrant(r -> r.keyId(key.keyId()).granteePrincipal(gina)
                .operations(GrantOperation.SIGN, GrantOperation.GET_PUBLIC_KEY)).grantToken();
        try (KmsClient grantee = TestServer.client(APP, TestServer.user("gina"))) {
            SdkBytes signature = grantee.sign(r -> r.keyId(key.arn()).message(MESSAGE).signingAlgorithm("ECDSA_SHA_384")
                    .grantTokens(token)).signature();
            assertThat(grantee.getPublicKey(r -> r.keyId(key.arn()).grantTokens(token)).publicKey()).isNotNull();
            failsWith("AccessDeniedException", null, () -> grantee.verify(r -> r.keyId(key.arn()).message(MESSAGE)
                    .signature(signature).signingAlgorithm("ECDSA_SHA_384").grantTokens(token)));
        }
    }

    @Test
    void anotherAccountSignsByArnWhenTheKeyPolicyAllowsIt() { // kms-api §2 X-acct, §4.6
        KeyMetadata key = key("ECC_NIST_P256", KeyUsageType.SIGN_VERIFY, policy("""
                {"Sid": "AccountB", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::%s:root"},
                 "Action": ["kms:Sign", "kms:GetPublicKey"], "Resource": "*"}""".formatted(TestIdentities.ACCOUNT_B)));
        try (KmsClient carol = TestServer.client(APP, TestServer.user("carol"));
             KmsClient bob = TestServer.client(APP, TestServer.bob())) {
            assertThat(carol.sign(r -> r.keyId(key.arn()).message(MESSAGE).signingAlgorithm("ECDSA_SHA_256"))
                    .keyId()).isEqualTo(key.arn());
            assertThat(carol.getPublicKey(r -> r.keyId(key.arn())).keyId()).isEqualTo(key.arn());
            failsWith("AccessDeniedException", null, () -> bob.sign(r -> r.keyId(key.arn()).message(MESSAGE)
                    .signingAlgorithm("ECDSA_SHA_256")));
            failsWith("NotFoundException", null, () -> carol.sign(r -> r.keyId(key.keyId()).message(MESSAGE)
                    .signingAlgorithm("ECDSA_SHA_256")));
        }
    }
}
