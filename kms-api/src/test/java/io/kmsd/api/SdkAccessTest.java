package io.kmsd.api;

import static io.kmsd.api.SdkAssertions.fails;
import static io.kmsd.api.SdkAssertions.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.EncryptResponse;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.ListKeysResponse;
import software.amazon.awssdk.services.kms.model.NotFoundException;
import software.amazon.awssdk.services.kms.model.UnsupportedOperationException;

/**
 * Who may do what, through the real AWS SDK v2: the same-account rule behind the authorization seam, role
 * sessions, Regions as namespaces, operations not implemented yet, and the request id of every response.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SdkAccessTest {
    static final DropwizardAppExtension<KmsConfiguration> APP = TestServer.app();
    static final SdkBytes HELLO = SdkBytes.fromUtf8String("hello");
    static KmsClient alice;
    static KmsClient bob;
    static KeyMetadata aliceKey;

    @BeforeAll
    static void clients() {
        alice = TestServer.client(APP, TestServer.alice());
        bob = TestServer.client(APP, TestServer.bob());
        aliceKey = alice.createKey(r -> r.description("alice's")).keyMetadata();
    }

    @AfterAll
    static void close() {
        alice.close();
        bob.close();
    }

    @Test
    void anotherAccountsKeyByArnIsAccessDenied() { // kms-api §1.3 AccessDenied shape
        KmsException e = failsWith("AccessDeniedException", "User: arn:aws:iam::444455556666:user/bob is not "
                + "authorized to perform: kms:Encrypt on resource: " + aliceKey.arn() + " because no resource-based "
                + "policy allows the kms:Encrypt action",
                () -> bob.encrypt(r -> r.keyId(aliceKey.arn()).plaintext(HELLO)));
        assertThat(e.requestId()).isNotBlank();
    }

    @Test
    void anotherAccountsAdministrativeActionIsAccessDenied() { // kms-api §6.53
        failsWith("AccessDeniedException", null, () -> bob.disableKey(r -> r.keyId(aliceKey.arn())));
        assertThat(alice.describeKey(r -> r.keyId(aliceKey.keyId())).keyMetadata().enabled()).isTrue();
    }

    @Test
    void aBareKeyIdResolvesInTheCallersOwnAccount() { // kms-api §2 cross-account, §6.53
        fails(NotFoundException.class, "Key 'arn:aws:kms:us-east-1:444455556666:key/" + aliceKey.keyId()
                + "' does not exist", () -> bob.describeKey(r -> r.keyId(aliceKey.keyId())));
    }

    @Test
    void anotherAccountsCiphertextIsAccessDeniedWithTheCiphertextMessage() { // kms-api §1.3, §4.4
        EncryptResponse out = alice.encrypt(r -> r.keyId(aliceKey.keyId()).plaintext(HELLO));
        failsWith("AccessDeniedException", "The ciphertext refers to a customer master key that does not exist, does "
                + "not exist in this region, or you are not allowed to access.",
                () -> bob.decrypt(r -> r.ciphertextBlob(out.ciphertextBlob())));
    }

    @Test
    void ciphertextOfAnotherRegionIsAccessDenied() { // kms-api §4.4
        EncryptResponse out = alice.encrypt(r -> r.keyId(aliceKey.keyId()).plaintext(HELLO));
        try (KmsClient eu = TestServer.client(APP, TestServer.alice(), "eu-west-1")) {
            failsWith("AccessDeniedException", "The ciphertext refers to a customer master key that does not exist, "
                    + "does not exist in this region, or you are not allowed to access.",
                    () -> eu.decrypt(r -> r.ciphertextBlob(out.ciphertextBlob())));
        }
    }

    @Test
    void eachRegionIsItsOwnNamespace() {
        try (KmsClient eu = TestServer.client(APP, TestServer.alice(), "eu-west-1")) {
            KeyMetadata euKey = eu.createKey(r -> { }).keyMetadata();
            assertThat(euKey.arn()).startsWith("arn:aws:kms:eu-west-1:111122223333:key/");
            ListKeysResponse keys = eu.listKeys(r -> { });
            assertThat(keys.keys()).extracting(k -> k.keyArn()).contains(euKey.arn()).doesNotContain(aliceKey.arn());
        }
    }

    @Test
    void roleSessionActsAsTheAssumedRole() {
        try (KmsClient session = TestServer.client(APP, TestServer.session(TestIdentities.SESSION_TOKEN))) {
            KeyMetadata m = session.createKey(r -> { }).keyMetadata();
            assertThat(m.awsAccountId()).isEqualTo(TestIdentities.ACCOUNT_A);
            assertThat(session.encrypt(r -> r.keyId(aliceKey.keyId()).plaintext(HELLO)).keyId()).isEqualTo(aliceKey.arn());
        }
    }

    @Test
    void roleSessionWithAWrongTokenIsUnrecognized() { // kms-api §1.5 step 5
        try (KmsClient session = TestServer.client(APP, TestServer.session("not-the-token"))) {
            failsWith("UnrecognizedClientException", "The security token included in the request is invalid.",
                    () -> session.listKeys(r -> { }));
        }
    }

    @Test
    void inactiveAccessKeyIsUnrecognized() {
        var creds = software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(TestIdentities.INACTIVE_KEY,
                "inactive-secret");
        try (KmsClient inactive = TestServer.client(APP, creds)) {
            failsWith("UnrecognizedClientException", null, () -> inactive.listKeys(r -> { }));
        }
    }

    @Test
    void operationsNotImplementedYetAreUnsupportedByName() {
        fails(UnsupportedOperationException.class, "DescribeCustomKeyStores is not supported by this server yet.",
                () -> alice.describeCustomKeyStores(r -> { }));
    }

    @Test
    void everyResponseCarriesARequestId() { // kms-api §1.1, §6.1
        String id = alice.listKeys(r -> { }).responseMetadata().requestId();
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(alice.listKeys(r -> { }).responseMetadata().requestId()).isNotEqualTo(id);
    }
}
