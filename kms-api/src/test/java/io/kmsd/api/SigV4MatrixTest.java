package io.kmsd.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * kms-api §1.5 and §6.4–7 against the running server: every way a request can be wrongly signed gets the
 * service's error, with status 400, a request id and a Date header — and the CreateKey it carried creates
 * nothing.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SigV4MatrixTest {
    static final DropwizardAppExtension<KmsConfiguration> APP = TestServer.app();
    static final ObjectMapper JSON = new ObjectMapper();
    static final String BODY = "{\"Description\":\"must not exist\"}";
    static final RawKms.Signing GOOD = RawKms.Signing.of(TestIdentities.ALICE_KEY, TestIdentities.ALICE_SECRET);
    static RawKms raw;
    static KmsClient alice;

    @BeforeAll
    static void clients() {
        raw = new RawKms(TestServer.endpoint(APP));
        alice = TestServer.client(APP, TestServer.alice());
    }

    @AfterAll
    static void close() {
        alice.close();
    }

    record Case(String name, Function<RawKms, HttpResponse<String>> send, String type, String messageStart) {
        @Override
        public String toString() {
            return name;
        }
    }

    static HttpResponse<String> signedWith(RawKms r, RawKms.Signing s) {
        return r.post(r.sign(s, "CreateKey", BODY), BODY);
    }

    static HttpResponse<String> changed(RawKms r, String header, String value) {
        return r.post(RawKms.with(r.sign(GOOD, "CreateKey", BODY), header, value), BODY);
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                new Case("wrong secret", r -> signedWith(r, GOOD.secret("not-the-secret")), "InvalidSignatureException",
                        "The request signature we calculated does not match the signature you provided."),
                new Case("body changed after signing", r -> r.post(r.sign(GOOD, "CreateKey", BODY), BODY + " "),
                        "InvalidSignatureException", "The provided 'x-amz-content-sha256' header does not match"),
                new Case("unserved region scope", r -> signedWith(r, GOOD.region("ap-south-1")),
                        "InvalidSignatureException", "Credential should be scoped to a valid region, not 'ap-south-1'."),
                new Case("service scope s3", r -> signedWith(r, GOOD.service("s3")), "InvalidSignatureException",
                        "Credential should be scoped to correct service: 'kms'."),
                new Case("six minutes old", r -> signedWith(r, GOOD.time(Instant.now().minusSeconds(360))),
                        "InvalidSignatureException", "Signature expired: "),
                new Case("six minutes ahead", r -> signedWith(r, GOOD.time(Instant.now().plusSeconds(360))),
                        "InvalidSignatureException", "Signature not yet current: "),
                new Case("no Authorization", r -> changed(r, "Authorization", null),
                        "MissingAuthenticationTokenException", "Missing Authentication Token"),
                new Case("no X-Amz-Date", r -> changed(r, "X-Amz-Date", null), "IncompleteSignatureException",
                        "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header."),
                new Case("no signature", r -> changed(r, "Authorization", "AWS4-HMAC-SHA256 Credential="
                        + TestIdentities.ALICE_KEY + "/20260101/us-east-1/kms/aws4_request, SignedHeaders=host"),
                        "IncompleteSignatureException", "Authorization header requires 'Signature' parameter."),
                new Case("unknown access key", r -> signedWith(r, RawKms.Signing.of("AKIANOBODY0000000001", "x")),
                        "UnrecognizedClientException", "The security token included in the request is invalid."),
                new Case("signed target changed", r -> changed(r, "X-Amz-Target", "TrentService.CreateAlias"),
                        "InvalidSignatureException", "The request signature we calculated does not match"))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badlySignedRequestsFailAndCreateNothing(Case c) throws Exception {
        int before = alice.listKeys(r -> r.limit(1000)).keys().size();
        HttpResponse<String> response = c.send().apply(raw);
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("__type").asText()).isEqualTo(c.type());
        assertThat(body.get("message").asText()).startsWith(c.messageStart());
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        assertThat(response.headers().firstValue("Date")).isPresent();
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.1");
        assertThat(alice.listKeys(r -> r.limit(1000)).keys()).hasSize(before);
    }

    @Test
    void fourMinutesOldIsStillAccepted() { // kms-api §6.6
        HttpResponse<String> response = signedWith(raw, GOOD.time(Instant.now().minusSeconds(240)));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"KeyMetadata\"");
    }

    @Test
    void theSameRequestCorrectlySignedSucceeds() {
        HttpResponse<String> response = raw.post(raw.sign(GOOD, "ListKeys", "{}"), "{}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"Keys\"").contains("\"Truncated\":false");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.1");
    }

    @Test
    void anyMethodButPostOrAnyOtherPathIsUnknownOperation() throws Exception {
        var get = raw.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(TestServer.endpoint(APP) + "/"))
                .GET().build());
        assertThat(get.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(get.body()).get("__type").asText()).isEqualTo("UnknownOperationException");
        var other = raw.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(TestServer.endpoint(APP) + "/x"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(JSON.readTree(other.body()).get("__type").asText()).isEqualTo("UnknownOperationException");
        assertThat(other.headers().firstValue("x-amzn-RequestId")).isPresent();
    }

    @Test
    void unknownTargetIsUnknownOperationAfterAuthentication() throws Exception { // kms-api §6.2
        HttpResponse<String> response = raw.post(raw.sign(GOOD, "NoSuchOperation", "{}"), "{}");
        assertThat(JSON.readTree(response.body()).get("__type").asText()).isEqualTo("UnknownOperationException");
        Map<String, List<String>> noTarget = RawKms.with(raw.sign(GOOD, "ListKeys", "{}"), "X-Amz-Target", null);
        assertThat(raw.post(noTarget, "{}").statusCode()).isEqualTo(400);
    }
}
