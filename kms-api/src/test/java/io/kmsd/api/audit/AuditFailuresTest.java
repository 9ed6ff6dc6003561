package io.kmsd.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.kmsd.api.KmsConfiguration;
import io.kmsd.api.RawKms;
import io.kmsd.api.TestIdentities;
import io.kmsd.api.TestServer;
import io.kmsd.audit.AuditEvent;
import io.kmsd.audit.Decision;
import io.kmsd.audit.RequestParameter;
import io.kmsd.audit.Resource;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KmsException;

/**
 * Issue 5: denied and failed requests are audited too, one event each, with the error CloudTrail would show and our
 * decision — a denial carries its outcome, its deciding statement (key-policy-semantics E20 references) and a
 * reason; a cross-account request is also delivered to the key owner's account; a request that fails
 * authentication names the key it presented.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AuditFailuresTest {
    static final DropwizardAppExtension<KmsConfiguration> APP = TestServer.app();
    static final SdkBytes HELLO = SdkBytes.fromUtf8String("hello");
    static final String DENY_KUSER = """
            {"Version": "2012-10-17", "Statement": [
              {"Sid": "Enable IAM User Permissions", "Effect": "Allow",
               "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"},
              {"Sid": "DenyKuser", "Effect": "Deny", "Principal": {"AWS": "arn:aws:iam::111122223333:user/kuser"},
               "Action": "kms:Encrypt", "Resource": "*"}]}
            """;
    static KmsClient alice;
    static KmsClient bob;
    static String keyArn;

    @BeforeAll
    static void clients() {
        alice = TestServer.client(APP, TestServer.alice());
        bob = TestServer.client(APP, TestServer.bob());
        keyArn = alice.createKey(r -> r.description("alice's")).keyMetadata().arn();
    }

    @AfterAll
    static void close() {
        alice.close();
        bob.close();
    }

    static KmsException failure(Runnable call) {
        return catchThrowableOfType(KmsException.class, call::run);
    }

    @Test
    void aCrossAccountDenialIsRecordedForTheCallerAndForTheKeyOwner() {
        KmsException e = failure(() -> bob.encrypt(r -> r.keyId(keyArn).plaintext(HELLO)));
        List<AuditEvent> events = Trail.of(APP).of(e.requestId());
        assertThat(events).extracting(AuditEvent::recipientAccountId)
                .containsExactly(TestIdentities.ACCOUNT_B, TestIdentities.ACCOUNT_A);
        assertThat(events).extracting(AuditEvent::sharedEventID).doesNotContainNull().containsOnly(
                events.get(0).sharedEventID());
        for (AuditEvent event : events) {
            assertThat(event.errorCode()).isEqualTo("AccessDeniedException");
            assertThat(event.errorMessage()).isEqualTo(e.awsErrorDetails().errorMessage());
            assertThat(event.userIdentity().arn()).isEqualTo("arn:aws:iam::444455556666:user/bob");
            assertThat(event.decision().outcome()).isIn(Decision.Outcome.IMPLICIT_DENY, Decision.Outcome.EXPLICIT_DENY);
            assertThat(event.decision().reason()).isNotBlank();
            assertThat(event.resources()).containsExactly(Resource.key(keyArn, TestIdentities.ACCOUNT_A));
            assertThat(event.requestParameters().keyId()).contains(keyArn);
        }
    }

    @Test
    void anExplicitDenyNamesTheDenyingStatement() { // key-policy-semantics E6, E20
        String key = alice.createKey(r -> r.policy(DENY_KUSER)).keyMetadata().arn();
        try (KmsClient kuser = TestServer.client(APP, AwsBasicCredentials.create(TestIdentities.keyOf("kuser"),
                TestIdentities.secretOf("kuser")))) {
            KmsException e = failure(() -> kuser.encrypt(r -> r.keyId(key).plaintext(HELLO)));
            AuditEvent event = Trail.of(APP).one(e.requestId());
            assertThat(event.errorCode()).isEqualTo("AccessDeniedException");
            assertThat(event.decision().outcome()).isEqualTo(Decision.Outcome.EXPLICIT_DENY);
            assertThat(event.decision().deciding()).containsExactly(new Decision.Ref("keyPolicy", "DenyKuser"));
            assertThat(event.userIdentity().arn()).isEqualTo("arn:aws:iam::111122223333:user/kuser");
        }
    }

    @Test
    void anImplicitDenySaysNoStatementAllowed() { // key-policy-semantics E20
        try (KmsClient kuser = TestServer.client(APP, AwsBasicCredentials.create(TestIdentities.keyOf("kuser"),
                TestIdentities.secretOf("kuser")))) {
            KmsException e = failure(() -> kuser.encrypt(r -> r.keyId(keyArn).plaintext(HELLO)));
            AuditEvent event = Trail.of(APP).one(e.requestId());
            assertThat(event.decision().outcome()).isEqualTo(Decision.Outcome.IMPLICIT_DENY);
            assertThat(event.decision().deciding()).containsExactly(new Decision.Ref("implicit", null));
        }
    }

    @Test
    void aMissingKeyIsRecordedAsNotFoundBeforeAuthorization() {
        String missing = UUID.randomUUID().toString();
        KmsException e = failure(() -> alice.encrypt(r -> r.keyId(missing).plaintext(HELLO)));
        AuditEvent event = Trail.of(APP).one(e.requestId());
        assertThat(event.errorCode()).isEqualTo("NotFoundException");
        assertThat(event.decision().outcome()).isEqualTo(Decision.Outcome.NOT_EVALUATED);
        assertThat(event.decision().reason()).contains("NotFoundException");
        assertThat(event.requestParameters().keyId()).contains(missing);
        assertThat(event.resources()).isEmpty();
    }

    @Test
    void aDisabledKeyIsAllowedThenFailsAndSaysBoth() {
        String key = alice.createKey(r -> r.description("to disable")).keyMetadata().arn();
        alice.disableKey(r -> r.keyId(key));
        KmsException e = failure(() -> alice.encrypt(r -> r.keyId(key).plaintext(HELLO)));
        AuditEvent event = Trail.of(APP).one(e.requestId());
        assertThat(event.errorCode()).isEqualTo("DisabledException");
        assertThat(event.decision().outcome()).isEqualTo(Decision.Outcome.ALLOW);
        assertThat(event.resources()).extracting(Resource::arn).containsExactly(key);
    }

    @Test
    void aDryRunIsAuditedWithItsFlag() { // kms-api §4.0: DryRun is audited
        KmsException e = failure(() -> alice.encrypt(r -> r.keyId(keyArn).plaintext(HELLO).dryRun(true)));
        AuditEvent event = Trail.of(APP).one(e.requestId());
        assertThat(event.errorCode()).isEqualTo("DryRunOperationException");
        assertThat(event.requestParameters().flag(RequestParameter.DRY_RUN)).contains(true);
    }

    @Test
    void anInvalidRequestIsAuditedWithWhatItSent() {
        KmsException e = failure(() -> alice.generateRandom(r -> r.numberOfBytes(5000)));
        AuditEvent event = Trail.of(APP).one(e.requestId());
        assertThat(event.errorCode()).isEqualTo("ValidationException");
        assertThat(event.requestParameters().number(RequestParameter.NUMBER_OF_BYTES)).contains(5000L);
        assertThat(event.decision().outcome()).isEqualTo(Decision.Outcome.NOT_EVALUATED);
    }

    @Test
    void anUnknownAccessKeyIsRecordedAsAnUnknownCallerWithTheKeyItPresented() {
        try (KmsClient stranger = TestServer.client(APP,
                AwsBasicCredentials.create("AKIASTRANGER00000001", "not-a-known-secret-000000000000000000000"))) {
            KmsException e = failure(() -> stranger.listKeys());
            AuditEvent event = Trail.of(APP).one(e.requestId());
            assertThat(event.errorCode()).isEqualTo("UnrecognizedClientException");
            assertThat(event.userIdentity().type()).isEqualTo("Unknown");
            assertThat(event.userIdentity().accessKeyId()).isEqualTo("AKIASTRANGER00000001");
            assertThat(event.userIdentity().arn()).isNull();
            assertThat(event.awsRegion()).isEqualTo("us-east-1");
            assertThat(event.eventName()).isEqualTo("ListKeys");
            assertThat(event.recipientAccountId()).isNull();
        }
    }

    @Test
    void aWrongSignatureIsRecordedWithTheKeyItClaimed() {
        RawKms raw = new RawKms(TestServer.endpoint(APP));
        var headers = raw.sign(RawKms.Signing.of(TestIdentities.ALICE_KEY, "wrong-secret").region("eu-west-1"),
                "ListKeys", "{}");
        HttpResponse<String> r = raw.post(headers, "{}");
        assertThat(r.body()).contains("InvalidSignatureException");
        AuditEvent event = Trail.of(APP).one(r.headers().firstValue("x-amzn-RequestId").orElseThrow());
        assertThat(event.userIdentity().type()).isEqualTo("Unknown");
        assertThat(event.userIdentity().accessKeyId()).isEqualTo(TestIdentities.ALICE_KEY);
        assertThat(event.awsRegion()).isEqualTo("eu-west-1");
        assertThat(event.errorCode()).isEqualTo("InvalidSignatureException");
    }

    @Test
    void anUnsignedRequestIsRecordedWithoutIdentityOrRegion() {
        RawKms raw = new RawKms(TestServer.endpoint(APP));
        HttpResponse<String> r = raw.post(java.util.Map.of("X-Amz-Target", List.of("TrentService.ListKeys"),
                "Content-Type", List.of("application/x-amz-json-1.1")), "{}");
        assertThat(r.statusCode()).isEqualTo(400);
        AuditEvent event = Trail.of(APP).one(r.headers().firstValue("x-amzn-RequestId").orElseThrow());
        assertThat(event.userIdentity().type()).isEqualTo("Unknown");
        assertThat(event.userIdentity().accessKeyId()).isNull();
        assertThat(event.awsRegion()).isEqualTo(AuditEvents.UNKNOWN_REGION);
        assertThat(event.errorCode()).isEqualTo("MissingAuthenticationTokenException");
        assertThat(event.eventName()).as("the model operation it names").isEqualTo("ListKeys");
    }

    @Test
    void anUnknownOperationNameIsRecordedButBounded() {
        RawKms raw = new RawKms(TestServer.endpoint(APP));
        String name = "X".repeat(300);
        HttpResponse<String> r = raw.post(raw.sign(RawKms.Signing.of(TestIdentities.ALICE_KEY,
                TestIdentities.ALICE_SECRET), name, "{}"), "{}");
        assertThat(r.body()).contains("UnknownOperationException");
        AuditEvent event = Trail.of(APP).one(r.headers().firstValue("x-amzn-RequestId").orElseThrow());
        assertThat(event.eventName()).isEqualTo("X".repeat(AuditEvents.MAX_UNKNOWN_NAME));
        assertThat(event.userIdentity().type()).isEqualTo("IAMUser");
    }
}
