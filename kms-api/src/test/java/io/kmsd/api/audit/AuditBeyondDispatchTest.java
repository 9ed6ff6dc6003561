package io.kmsd.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.EncryptResponse;

/**
 * Issue 5, "an event for every request that reaches the server": requests the dispatcher never sees (another path
 * or method, answered by the servlet or by Jersey) are audited with the error they got, the method and path they
 * were sent with, and the caller only as claimed (no signature is verified for them: identity {@code Unknown} with
 * the access key id presented). {@code GET /ping} is a liveness probe and is not audited. And a cross-account call
 * that is allowed is delivered to the key owner's account too, as CloudTrail does.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AuditBeyondDispatchTest {
    static final DropwizardAppExtension<KmsConfiguration> APP = TestServer.app();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static KmsClient alice;
    static KmsClient carol;

    @BeforeAll
    static void clients() {
        alice = TestServer.client(APP, TestServer.alice());
        carol = TestServer.client(APP, TestServer.user("carol"));
    }

    @AfterAll
    static void close() {
        alice.close();
        carol.close();
    }

    static HttpResponse<String> send(String method, String path, Map<String, List<String>> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(TestServer.endpoint(APP) + path))
                .method(method, HttpRequest.BodyPublishers.ofString("{}"));
        headers.forEach((name, values) -> values.forEach(v -> b.header(name, v)));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static AuditEvent eventOf(HttpResponse<String> r) {
        return Trail.of(APP).one(r.headers().firstValue("x-amzn-RequestId").orElseThrow());
    }

    @Test
    void anotherMethodOnTheRootIsAuditedWithItsError() throws Exception {
        HttpResponse<String> r = send("GET", "/", Map.of());
        assertThat(r.statusCode()).isEqualTo(400);
        AuditEvent e = eventOf(r);
        assertThat(e.errorCode()).isEqualTo("UnknownOperationException");
        assertThat(r.body()).contains(e.errorMessage());
        assertThat(e.eventName()).isEqualTo("Unknown");
        assertThat(e.requestParameters().text(RequestParameter.HTTP_METHOD)).contains("GET");
        assertThat(e.requestParameters().text(RequestParameter.REQUEST_PATH)).contains("/");
        assertThat(e.userIdentity().type()).isEqualTo("Unknown");
        assertThat(e.userIdentity().accessKeyId()).isNull();
        assertThat(e.decision().outcome()).isEqualTo(Decision.Outcome.NOT_EVALUATED);
        assertThat(e.sourceIPAddress()).isEqualTo("127.0.0.1");
    }

    @Test
    void anUnknownPathIsAuditedWithTheIdentityItClaimsButNotVerified() throws Exception {
        RawKms raw = new RawKms(TestServer.endpoint(APP));
        Map<String, List<String>> signed = raw.sign(RawKms.Signing.of(TestIdentities.ALICE_KEY,
                TestIdentities.ALICE_SECRET).region("eu-west-1"), "ListKeys", "{}");
        HttpResponse<String> r = send("POST", "/foo", signed);
        assertThat(r.statusCode()).isEqualTo(400);
        AuditEvent e = eventOf(r);
        assertThat(e.errorCode()).isEqualTo("UnknownOperationException");
        assertThat(e.requestParameters().text(RequestParameter.REQUEST_PATH)).contains("/foo");
        assertThat(e.requestParameters().text(RequestParameter.HTTP_METHOD)).contains("POST");
        assertThat(e.eventName()).as("the model operation X-Amz-Target names").isEqualTo("ListKeys");
        assertThat(e.userIdentity().type()).as("claimed, not verified").isEqualTo("Unknown");
        assertThat(e.userIdentity().accessKeyId()).isEqualTo(TestIdentities.ALICE_KEY);
        assertThat(e.awsRegion()).isEqualTo("eu-west-1");
        assertThat(e.recipientAccountId()).isNull();
    }

    @Test
    void aMethodJerseyDoesNotServeIsAuditedToo() throws Exception {
        HttpResponse<String> r = send("DELETE", "/keys/1", Map.of("User-Agent", List.of("scanner/1.0")));
        assertThat(r.statusCode()).isEqualTo(400);
        AuditEvent e = eventOf(r);
        assertThat(e.errorCode()).isEqualTo("UnknownOperationException");
        assertThat(e.userAgent()).isEqualTo("scanner/1.0");
        assertThat(e.requestParameters().text(RequestParameter.HTTP_METHOD)).contains("DELETE");
    }

    @Test
    void aLongPathIsCutInTheTrail() throws Exception {
        HttpResponse<String> r = send("GET", "/" + "a".repeat(1000), Map.of());
        assertThat(eventOf(r).requestParameters().text(RequestParameter.REQUEST_PATH).orElseThrow())
                .hasSizeLessThanOrEqualTo(256);
    }

    @Test
    void pingIsNotAudited() throws Exception {
        int before = Trail.of(APP).all().size();
        HttpResponse<String> r = send("GET", "/ping", Map.of());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Trail.of(APP).of(r.headers().firstValue("x-amzn-RequestId").orElseThrow())).isEmpty();
        assertThat(Trail.of(APP).all().size()).isEqualTo(before);
    }

    @Test
    void anAllowedCrossAccountCallIsDeliveredToTheCallerAndToTheKeyOwner() {
        String policy = SdkPolicyTestPolicies.sharedWith(TestIdentities.ACCOUNT_B);
        String key = alice.createKey(r -> r.policy(policy)).keyMetadata().arn();
        EncryptResponse done = carol.encrypt(r -> r.keyId(key).plaintext(SdkBytes.fromUtf8String("hi")));
        List<AuditEvent> events = Trail.of(APP).of(done.responseMetadata().requestId());
        assertThat(events).extracting(AuditEvent::recipientAccountId)
                .containsExactly(TestIdentities.ACCOUNT_B, TestIdentities.ACCOUNT_A);
        assertThat(events).extracting(AuditEvent::sharedEventID).doesNotContainNull().containsOnly(
                events.get(0).sharedEventID());
        assertThat(events).extracting(AuditEvent::eventID).doesNotHaveDuplicates();
        for (AuditEvent e : events) {
            assertThat(e.succeeded()).isTrue();
            assertThat(e.decision().outcome()).isEqualTo(Decision.Outcome.ALLOW);
            assertThat(e.userIdentity().arn()).isEqualTo("arn:aws:iam::444455556666:user/carol");
            assertThat(e.resources()).containsExactly(Resource.key(key, TestIdentities.ACCOUNT_A));
        }
    }

    /** The key policy of the cross-account test: account A's root, and account B may use the key. */
    static final class SdkPolicyTestPolicies {
        static String sharedWith(String account) {
            return """
                    {"Version": "2012-10-17", "Statement": [
                      {"Sid": "Root", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
                       "Action": "kms:*", "Resource": "*"},
                      {"Sid": "Partner", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::%s:root"},
                       "Action": ["kms:Encrypt", "kms:Decrypt"], "Resource": "*"}]}
                    """.formatted(account);
        }
    }
}
