package io.kmsd.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.codahale.metrics.MetricRegistry;
import io.kmsd.api.auth.Authenticated;
import io.kmsd.api.auth.Principal;
import io.kmsd.api.authz.AuthzDecision;
import io.kmsd.api.operation.EncryptHandler;
import io.kmsd.api.protocol.Call;
import io.kmsd.api.protocol.Dispatcher;
import io.kmsd.api.protocol.Exchange;
import io.kmsd.api.protocol.OperationHandler;
import io.kmsd.api.protocol.OperationMetrics;
import io.kmsd.api.protocol.OperationTable;
import io.kmsd.api.wire.WireCodec;
import io.kmsd.audit.AuditEvent;
import io.kmsd.audit.AuditSink;
import io.kmsd.audit.AuditUnavailableException;
import io.kmsd.audit.Decision;
import io.kmsd.core.error.KmsError;
import io.kmsd.core.error.KmsException;
import io.kmsd.core.key.AccountId;
import io.kmsd.core.key.Region;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher and the audit hook together, without HTTP: what the handler and the authorizer learned reaches the
 * event (the deciding statements of a denial included), and a sink that cannot write turns every outcome into a
 * DependencyTimeoutException after the handler ran — the response is never sent.
 */
class AuditDispatchTest {
    static final Principal ALICE = Principal.root(new AccountId("111122223333"), "AKIATEST0000000000001");
    static final String BODY = "{\"KeyId\": \"alias/app\", \"Plaintext\": \"c2VjcmV0\", "
            + "\"EncryptionContext\": {\"order\": \"7\"}}";

    private final List<AuditEvent> written = new CopyOnWriteArrayList<>();
    private final AtomicInteger handled = new AtomicInteger();

    /** A sink that keeps events in memory, or fails every write. */
    private AuditSink sink(boolean failing) {
        return event -> {
            if (failing) {
                throw new AuditUnavailableException("disk full", null);
            }
            written.add(event);
        };
    }

    private Dispatcher dispatcher(AuditSink sink, BiFunction<Call, EncryptHandler.Request, Object> body) {
        OperationHandler<EncryptHandler.Request> encrypt = new OperationHandler<>() {
            @Override
            public String name() {
                return "Encrypt";
            }

            @Override
            public Class<EncryptHandler.Request> requestType() {
                return EncryptHandler.Request.class;
            }

            @Override
            public Object handle(Call call, EncryptHandler.Request request) {
                handled.incrementAndGet();
                return body.apply(call, request);
            }
        };
        return new Dispatcher(r -> new Authenticated(ALICE, new Region("us-east-1")), OperationTable.of(List.of(encrypt)),
                WireCodec.standard(), new OperationMetrics(new MetricRegistry()),
                new AuditTrail(sink, new AuditEvents(KeyStates.UNKNOWN)), Clock.systemUTC(), 1 << 20);
    }

    private static Exchange exchange(String requestId) {
        return new Exchange(requestId, "POST", "/", "", Map.of("X-Amz-Target", List.of("TrentService.Encrypt")),
                new ByteArrayInputStream(BODY.getBytes(StandardCharsets.UTF_8)), Call.ClientInfo.UNKNOWN);
    }

    static Object answer(String keyArn) {
        return new EncryptHandler.Response(io.kmsd.api.wire.Blob.adopt(new byte[] {1, 2, 3}), keyArn,
                "SYMMETRIC_DEFAULT");
    }

    @Test
    void aDenialCarriesItsDecidingStatementsIntoTheEvent() { // key-policy-semantics E20 references
        Dispatcher d = dispatcher(sink(false), (call, r) -> {
            call.decided(new AuthzDecision(AuthzDecision.Outcome.EXPLICIT_DENY, "User: x is not authorized",
                    "explicit deny in the key policy", List.of("keyPolicy#DenyAll", "identity:ops#[0]")));
            throw new KmsException(KmsError.AccessDenied, "User: x is not authorized");
        });
        catchThrowableOfType(KmsException.class, () -> d.dispatch(exchange("req-1")));
        AuditEvent e = written.get(0);
        assertThat(e.decision()).isEqualTo(new Decision(Decision.Outcome.EXPLICIT_DENY,
                List.of(new Decision.Ref("keyPolicy", "DenyAll"), new Decision.Ref("identity", "ops#[0]")),
                "explicit deny in the key policy"));
        assertThat(e.errorCode()).isEqualTo("AccessDeniedException");
        assertThat(e.requestID()).isEqualTo("req-1");
        assertThat(e.userIdentity().type()).isEqualTo("Root");
        assertThat(e.requestParameters().encryptionContext()).isEqualTo(Map.of("order", "7"));
    }

    @Test
    void aSuccessCarriesRequestAndResponseMembersButNoPayload() {
        String arn = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        Dispatcher d = dispatcher(sink(false), (call, r) -> {
            call.decided(new AuthzDecision(AuthzDecision.Outcome.ALLOW, "", "allowed", List.of("keyPolicy#Use")));
            return answer(arn);
        });
        d.dispatch(exchange("req-2"));
        AuditEvent e = written.get(0);
        assertThat(e.requestParameters().keyId()).contains("alias/app");
        assertThat(e.responseElements().keyId()).contains(arn);
        assertThat(e.resources()).extracting(io.kmsd.audit.Resource::arn).containsExactly(arn);
        assertThat(e.decision().deciding()).containsExactly(new Decision.Ref("keyPolicy", "Use"));
        assertThat(io.kmsd.audit.AuditJson.toJson(e)).doesNotContain("c2VjcmV0").doesNotContain("AQID");
    }

    @Test
    void anUnwritableTrailRefusesASuccessAfterTheHandlerRan() { // issue 5: fail closed
        Dispatcher d = dispatcher(sink(true), (call, r) -> answer("arn:aws:kms:us-east-1:1:key/k"));
        KmsException e = catchThrowableOfType(KmsException.class, () -> d.dispatch(exchange("req-3")));
        assertThat(e.error()).isEqualTo(KmsError.DependencyTimeout);
        assertThat(e.error().httpStatus()).isEqualTo(503);
        assertThat(e.getMessage()).isEqualTo(AuditTrail.REFUSED);
        assertThat(handled.get()).as("core's work is done, but not acknowledged").isEqualTo(1);
    }

    @Test
    void anUnwritableTrailRefusesAFailureToo() {
        Dispatcher d = dispatcher(sink(true), (call, r) -> {
            throw new KmsException(KmsError.NotFound, "Key 'x' does not exist");
        });
        KmsException e = catchThrowableOfType(KmsException.class, () -> d.dispatch(exchange("req-4")));
        assertThat(e.error()).isEqualTo(KmsError.DependencyTimeout);
    }

    @Test
    void aBugIsStillAuditedAsAnInternalError() {
        Dispatcher d = dispatcher(sink(false), (call, r) -> {
            throw new IllegalStateException("bug");
        });
        catchThrowableOfType(IllegalStateException.class, () -> d.dispatch(exchange("req-5")));
        assertThat(written).singleElement().satisfies(e -> {
            assertThat(e.errorCode()).isEqualTo("KMSInternalException");
            assertThat(e.errorMessage()).isNull();
        });
    }

    /** A sink whose events stay pending until the test makes them durable, or fails them. */
    private static final class PendingSink implements AuditSink {
        final CompletableFuture<Void> durable = new CompletableFuture<>();

        @Override
        public void record(AuditEvent event) {
            throw new AssertionError("the server path must not block on the trail");
        }

        @Override
        public CompletionStage<Void> submit(AuditEvent event) {
            return durable;
        }
    }

    @Test
    void theAnswerWaitsForTheTrailButTheThreadDoesNot() {
        PendingSink sink = new PendingSink();
        Dispatcher d = dispatcher(sink, (call, r) -> answer("arn:aws:kms:us-east-1:111122223333:key/k"));
        CompletableFuture<byte[]> out = d.dispatchAsync(exchange("req-6")).toCompletableFuture();
        assertThat(handled.get()).isEqualTo(1);
        assertThat(out).as("no response before the event is durable").isNotDone();
        sink.durable.complete(null);
        assertThat(new String(out.join(), StandardCharsets.UTF_8)).contains("arn:aws:kms:us-east-1:111122223333:key/k");
    }

    @Test
    void aTrailThatFailsLaterStillTurnsTheAnswerIntoDependencyTimeout() {
        PendingSink sink = new PendingSink();
        Dispatcher d = dispatcher(sink, (call, r) -> answer("arn:aws:kms:us-east-1:111122223333:key/k"));
        CompletableFuture<byte[]> out = d.dispatchAsync(exchange("req-7")).toCompletableFuture();
        sink.durable.completeExceptionally(new AuditUnavailableException("disk full", null));
        Throwable failure = catchThrowableOfType(CompletionException.class, out::join).getCause();
        assertThat(failure).isInstanceOfSatisfying(KmsException.class, e -> {
            assertThat(e.error()).isEqualTo(KmsError.DependencyTimeout);
            assertThat(e.getMessage()).isEqualTo(AuditTrail.REFUSED);
        });
    }
}
