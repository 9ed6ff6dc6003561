package io.kmsd.api.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import io.kmsd.api.auth.Authenticated;
import io.kmsd.api.auth.Principal;
import io.kmsd.api.error.KmsExceptionMapper;
import io.kmsd.api.operation.EncryptHandler;
import io.kmsd.api.operation.ListKeysHandler;
import io.kmsd.api.wire.Blob;
import io.kmsd.api.wire.WireCodec;
import io.kmsd.core.error.KmsError;
import io.kmsd.core.error.KmsException;
import io.kmsd.core.key.AccountId;
import io.kmsd.core.key.Region;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The protocol of kms-api §1.1–1.4 at the resource level: one resource, the dispatcher, the one exception
 * mapper, with stand-in handlers so every failure shape can be provoked.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ProtocolResourceTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String AMZ_JSON = "application/x-amz-json-1.1";
    static final Principal ALICE = Principal.root(new AccountId("111122223333"), "AKIATEST");
    static final List<CallRecord> AUDITED = new ArrayList<>();

    /** ListKeys answering a fixed page with a timestamp; Encrypt echoing; DescribeKey failing with a bug. */
    static List<OperationHandler<?>> handlers() {
        return List.of(
                StubHandler.of("ListKeys", ListKeysHandler.Request.class,
                        (call, r) -> new Stamped(Instant.ofEpochMilli(1_893_456_000_123L), null, Blob.adopt(new byte[] {1, 2}))),
                StubHandler.of("Encrypt", EncryptHandler.Request.class, (call, r) -> {
                    if ("denied".equals(r.keyId())) {
                        throw new KmsException(KmsError.AccessDenied, "User: x is not authorized");
                    }
                    return NoOutput.INSTANCE;
                }),
                StubHandler.of("DescribeKey", io.kmsd.api.operation.DescribeKeyHandler.Request.class, (call, r) -> {
                    throw new IllegalStateException("secret internal detail");
                }));
    }

    record Stamped(@com.fasterxml.jackson.annotation.JsonProperty("When") Instant when,
                   @com.fasterxml.jackson.annotation.JsonProperty("Nothing") String nothing,
                   @com.fasterxml.jackson.annotation.JsonProperty("Data") Blob data) {
    }

    static final Dispatcher DISPATCHER = new Dispatcher(request -> new Authenticated(ALICE, new Region("us-east-1")),
            OperationTable.of(handlers()), WireCodec.standard(), new OperationMetrics(new MetricRegistry()),
            AUDITED::add, Clock.systemUTC(), 1 << 20);

    static final ResourceExtension RESOURCES = ResourceExtension.builder()
            .setRegisterDefaultExceptionMappers(false)
            .addProvider(new RequestIdFilter())
            .addProvider(new KmsExceptionMapper())
            .addResource(new KmsResource(DISPATCHER))
            .build();

    static Response post(String target, String body, String contentType) {
        var request = RESOURCES.target("/").request();
        if (target != null) {
            request = request.header("X-Amz-Target", target);
        }
        return request.post(Entity.entity(body, contentType));
    }

    static Response post(String operation, String body) {
        return post("TrentService." + operation, body, AMZ_JSON);
    }

    static JsonNode error(Response r, String type) throws Exception {
        assertThat(r.getStatus()).isEqualTo(KmsError.valueOf(type.replace("Exception", "")).httpStatus());
        assertThat(r.getMediaType().toString()).isEqualTo(AMZ_JSON);
        assertThat(r.getHeaderString("x-amzn-RequestId")).isNotBlank();
        JsonNode body = JSON.readTree(r.readEntity(String.class));
        assertThat(body.get("__type").asText()).isEqualTo(type);
        return body;
    }

    @Test
    void successIsJsonWithOnlyPresentMembersAndARequestId() throws Exception { // kms-api §1.1, §6.1, §6.8
        Response r = post("ListKeys", "{}");
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getMediaType().toString()).isEqualTo(AMZ_JSON);
        assertThat(r.getHeaderString("x-amzn-RequestId")).matches("[0-9a-f-]{36}");
        assertThat(r.readEntity(String.class)).isEqualTo("{\"When\":1893456000.123,\"Data\":\"AQI=\"}");
    }

    @Test
    void emptyBodyAndNullBodyAreAnEmptyObject() {
        assertThat(post("ListKeys", "").getStatus()).isEqualTo(200);
        assertThat(post("ListKeys", "null").getStatus()).isEqualTo(200);
    }

    @Test
    void unknownMembersAreIgnored() {
        assertThat(post("ListKeys", "{\"Whatever\": [1, {\"x\": true}]}").getStatus()).isEqualTo(200);
    }

    @Test
    void plainJsonContentTypeIsAccepted() {
        assertThat(post("TrentService.ListKeys", "{}", "application/json").getStatus()).isEqualTo(200);
    }

    @Test
    void otherContentTypeIsASerializationError() throws Exception {
        error(post("TrentService.ListKeys", "{}", "text/plain"), "SerializationException");
    }

    @Test
    void unknownMissingOrMalformedTargetIsUnknownOperation() throws Exception { // kms-api §6.2
        error(post("NoSuchThing", "{}"), "UnknownOperationException");
        error(post(null, "{}", AMZ_JSON), "UnknownOperationException");
        error(post("trentservice.ListKeys", "{}", AMZ_JSON), "UnknownOperationException");
        error(post("TrentService.", "{}", AMZ_JSON), "UnknownOperationException");
        error(post("TrentService.listKeys", "{}", AMZ_JSON), "UnknownOperationException");
    }

    @Test
    void modelOperationWithoutHandlerIsUnsupportedByName() throws Exception {
        JsonNode body = error(post("ConnectCustomKeyStore", "{}"), "UnsupportedOperationException");
        assertThat(body.get("message").asText()).isEqualTo("ConnectCustomKeyStore is not supported by this server yet.");
    }

    @Test
    void otherMethodsAndPathsAreUnknownOperation() throws Exception {
        error(RESOURCES.target("/").request().get(), "UnknownOperationException");
        error(RESOURCES.target("/nowhere").request().post(Entity.entity("{}", AMZ_JSON)), "UnknownOperationException");
        error(RESOURCES.target("/").request().put(Entity.entity("{}", AMZ_JSON)), "UnknownOperationException");
    }

    @Test
    void notJsonIsASerializationError() throws Exception { // kms-api §6.2
        error(post("ListKeys", "not json"), "SerializationException");
        error(post("ListKeys", "{\"Limit\": 1"), "SerializationException");
        error(post("ListKeys", "{} {}"), "SerializationException");
        error(post("ListKeys", "[1, 2]"), "SerializationException");
    }

    @Test
    void wrongJsonTypesAreSerializationErrors() throws Exception {
        error(post("ListKeys", "{\"Limit\": \"5\"}"), "SerializationException");
        error(post("ListKeys", "{\"Limit\": 5.5}"), "SerializationException");
        error(post("ListKeys", "{\"Marker\": 5}"), "SerializationException");
        error(post("Encrypt", "{\"KeyId\": \"k\", \"Plaintext\": \"AA==\", \"DryRun\": \"yes\"}"), "SerializationException");
        error(post("Encrypt", "{\"KeyId\": \"k\", \"Plaintext\": \"AA==\", \"EncryptionContext\": [\"a\"]}"),
                "SerializationException");
        error(post("Encrypt", "{\"KeyId\": \"k\", \"Plaintext\": \"AA==\", \"EncryptionContext\": {\"a\": 1}}"),
                "SerializationException");
        error(post("Encrypt", "{\"KeyId\": {\"x\": 1}, \"Plaintext\": \"AA==\"}"), "SerializationException");
    }

    @Test
    void badBase64NamesTheMemberButNeverItsValue() throws Exception {
        JsonNode body = error(post("Encrypt", "{\"KeyId\": \"k\", \"Plaintext\": \"c2VjcmV0!!\"}"),
                "SerializationException");
        assertThat(body.get("message").asText()).isEqualTo("Member 'Plaintext' is not valid base64.")
                .doesNotContain("c2VjcmV0");
    }

    @Test
    void everyModelViolationIsReportedAtOnceInTheGrammar() throws Exception { // kms-api §1.3
        String plaintext = java.util.Base64.getEncoder().encodeToString(new byte[4097]);
        JsonNode body = error(post("Encrypt", "{\"Plaintext\": \"" + plaintext + "\", \"EncryptionAlgorithm\": \"ROT13\","
                + "\"GrantTokens\": [\"\"]}"), "ValidationException");
        assertThat(body.get("message").asText()).isEqualTo("4 validation errors detected: "
                + "Value null at 'keyId' failed to satisfy constraint: Member must not be null; "
                + "Value at 'plaintext' failed to satisfy constraint: Member must have length less than or equal to 4096; "
                + "Value '' at 'grantTokens.1.member' failed to satisfy constraint: Member must have length greater "
                + "than or equal to 1; "
                + "Value 'ROT13' at 'encryptionAlgorithm' failed to satisfy constraint: Member must satisfy enum value "
                + "set: [SYMMETRIC_DEFAULT, RSAES_OAEP_SHA_1, RSAES_OAEP_SHA_256, SM2PKE]");
    }

    @Test
    void bodyOverOneMebibyteIsAValidationError() throws Exception { // kms-api §1.1 (ours)
        JsonNode body = error(post("ListKeys", "{\"Marker\": \"" + "x".repeat(1 << 20) + "\"}"), "ValidationException");
        assertThat(body.get("message").asText()).isEqualTo("1 validation error detected: Value at 'body' failed to "
                + "satisfy constraint: Member must have length less than or equal to 1048576");
    }

    @Test
    void accessDeniedSpellsItsMessageWithACapitalM() throws Exception { // kms-api §1.2
        JsonNode body = error(post("Encrypt", "{\"KeyId\": \"denied\", \"Plaintext\": \"AA==\"}"), "AccessDeniedException");
        assertThat(body.has("message")).isFalse();
        assertThat(body.get("Message").asText()).isEqualTo("User: x is not authorized");
    }

    @Test
    void aBugIsAnOpaqueInternalErrorWithoutStackTrace() throws Exception { // kms-api §6.3
        Response r = post("DescribeKey", "{\"KeyId\": \"k\"}");
        assertThat(r.getStatus()).isEqualTo(500);
        String text = r.readEntity(String.class);
        assertThat(text).isEqualTo("{\"__type\":\"KMSInternalException\",\"message\":\"The request processing has failed "
                + "because of an unknown error, exception or failure.\"}");
        assertThat(r.getHeaderString("x-amzn-RequestId")).isNotBlank();
    }

    @Test
    void everyOutcomeReachesTheAuditHook() {
        AUDITED.clear();
        post("ListKeys", "{}");
        post("Encrypt", "{\"KeyId\": \"denied\", \"Plaintext\": \"AA==\"}");
        post("DescribeKey", "{\"KeyId\": \"k\"}");
        assertThat(AUDITED).extracting(CallRecord::operation).containsExactly("ListKeys", "Encrypt", "DescribeKey");
        assertThat(AUDITED.get(0).succeeded()).isTrue();
        assertThat(AUDITED.get(1).error()).contains(KmsError.AccessDenied);
        assertThat(AUDITED.get(2).error()).contains(KmsError.KMSInternal);
        assertThat(AUDITED).allSatisfy(c -> assertThat(c.principal()).contains(ALICE));
    }
}
