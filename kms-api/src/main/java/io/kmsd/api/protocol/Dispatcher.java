package io.kmsd.api.protocol;

import io.kmsd.api.auth.Authenticated;
import io.kmsd.api.auth.Authenticator;
import io.kmsd.api.auth.SignedRequest;
import io.kmsd.api.wire.Violations;
import io.kmsd.api.wire.WireCodec;
import io.kmsd.api.wire.WireRequest;
import io.kmsd.core.error.KmsError;
import io.kmsd.core.error.KmsException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request pipeline of kms-api §1.4, free of HTTP types: read the body (≤ the limit), authenticate,
 * check the content type, dispatch on {@code X-Amz-Target}, parse, check model constraints, run the handler,
 * encode. Every outcome is timed, counted and handed to the audit hook before the response goes out; a hook
 * that refuses (the audit trail cannot be written) turns the outcome into its error.
 */
public final class Dispatcher {
    static final String TARGET_PREFIX = "TrentService.";
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final Authenticator authenticator;
    private final OperationTable table;
    private final WireCodec codec;
    private final OperationMetrics metrics;
    private final AuditHook audit;
    private final Clock clock;
    private final int maxBodyBytes;
    private final SafeMembers requestMembers;
    private final SafeMembers responseMembers;

    public Dispatcher(Authenticator authenticator, OperationTable table, WireCodec codec, OperationMetrics metrics,
                      AuditHook audit, Clock clock, int maxBodyBytes) {
        this.authenticator = authenticator;
        this.table = table;
        this.codec = codec;
        this.metrics = metrics;
        this.audit = audit;
        this.clock = clock;
        this.maxBodyBytes = maxBodyBytes;
        this.requestMembers = new SafeMembers(audit.requestMembers());
        this.responseMembers = new SafeMembers(audit.responseMembers());
    }

    /** The response body of a successful request; any failure is thrown (a KmsException, or a bug). */
    public byte[] dispatch(Exchange exchange) {
        try {
            return dispatchAsync(exchange).toCompletableFuture().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /**
     * {@link #dispatch} that does not hold the calling thread while the audit record is made durable: the stage
     * completes with the response body once it is, or exceptionally (a {@code CompletionException} around the
     * KmsException to answer, or a bug). The handler itself runs on the calling thread.
     */
    public CompletionStage<byte[]> dispatchAsync(Exchange exchange) {
        long start = System.nanoTime();
        Progress progress = new Progress(exchange, clock.instant());
        byte[] out;
        try {
            out = run(exchange, progress);
        } catch (KmsException e) {
            log(progress, e);
            return finish(progress, start, e.error(), e.getMessage()).thenApply(audited -> {
                throw e;
            });
        } catch (RuntimeException | Error e) {
            return finish(progress, start, KmsError.KMSInternal, "").thenApply(audited -> {
                throw e;
            });
        }
        return finish(progress, start, null, "").thenApply(audited -> out);
    }

    private byte[] run(Exchange exchange, Progress progress) {
        SignedRequest request = new SignedRequest(exchange.method(), exchange.rawPath(), exchange.rawQuery(),
                exchange.headers(), BodyReader.read(exchange.body(), maxBodyBytes));
        Authenticated who = authenticator.authenticate(request);
        progress.who = who;
        progress.operation = operation(request);
        checkContentType(request);
        OperationHandler<?> handler = table.handler(progress.operation);
        progress.call = new Call(exchange.requestId(), progress.operation, who.principal(), who.region(),
                clock.instant(), exchange.client());
        progress.response = invoke(handler, progress, request.body());
        return codec.encode(progress.response);
    }

    private <Q extends WireRequest> Object invoke(OperationHandler<Q> handler, Progress progress, byte[] body) {
        Q request = codec.decode(body, handler.requestType());
        progress.request = request;
        Violations violations = new Violations();
        request.validate(violations);
        violations.throwIfAny();
        return handler.handle(progress.call, request);
    }

    /** {@code X-Amz-Target: TrentService.<Operation>}, case-sensitive; anything else is UnknownOperation. */
    static String operation(SignedRequest request) {
        String target = request.header("x-amz-target").orElse("");
        if (!target.startsWith(TARGET_PREFIX) || target.length() == TARGET_PREFIX.length()) {
            throw OperationTable.unknown();
        }
        return target.substring(TARGET_PREFIX.length());
    }

    /** SDKs send {@code application/x-amz-json-1.1}; {@code application/json} is accepted too (§1.1). */
    private static void checkContentType(SignedRequest request) {
        Optional<String> type = request.header("content-type");
        if (type.isEmpty()) {
            return;
        }
        String base = type.get().split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!base.equals("application/x-amz-json-1.1") && !base.equals("application/json")) {
            throw new KmsException(KmsError.Serialization, "Content type " + base + " is not supported; "
                    + "send application/x-amz-json-1.1.");
        }
    }

    /**
     * Audits the outcome, then counts it. The hook runs after the handler and before the response is sent; if it
     * cannot make the record durable it throws (fail closed, issue 5) and that error is answered instead. The
     * handler's work is not undone then: a state change core has committed stays committed, unacknowledged and
     * without its audit record (the client sees a retryable DependencyTimeoutException).
     */
    private CompletionStage<Void> finish(Progress p, long start, KmsError error, String message) {
        CompletionStage<Void> audited;
        try {
            audited = audit.submit(record(p, error, message));
        } catch (RuntimeException e) {
            audited = CompletableFuture.failedFuture(e);
        }
        return audited.whenComplete((done, failure) -> {
            KmsError outcome = error;
            if (unwrap(failure) instanceof KmsException refused) {
                outcome = refused.error();
            }
            metrics.record(p.operation, start, outcome);
        });
    }

    /** The exception a stage failed with, without the {@code CompletionException} around it. */
    public static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private CallRecord record(Progress p, KmsError error, String message) {
        Call c = p.call;
        Optional<Authenticated> who = Optional.ofNullable(p.who);
        String operation = who.isPresent() ? p.operation : Claims.operation(p.exchange.headers()).orElse(p.operation);
        return new CallRecord(p.exchange.requestId(), operation, p.arrived, who.map(Authenticated::principal),
                who.map(Authenticated::region), p.exchange.client(),
                who.isPresent() ? Optional.empty() : Claims.of(p.exchange.headers()),
                c == null ? List.of() : c.keys(), c == null ? Map.of() : c.statesBefore(),
                c == null ? List.of() : c.decisions(), requestMembers.copy(p.request),
                error == null ? responseMembers.copy(p.response) : Map.of(), Optional.ofNullable(error), message);
    }

    /** One line per failed request, naming its id; client faults at INFO, server faults at WARN. */
    private static void log(Progress p, KmsException e) {
        if (e.error().fault() == KmsError.Fault.CLIENT) {
            LOG.info("request {} {} failed: {}: {}", p.exchange.requestId(), p.operation, e.error().wireName(),
                    e.getMessage());
        } else {
            LOG.warn("request {} {} failed: {}: {}", p.exchange.requestId(), p.operation, e.error().wireName(),
                    e.getMessage());
        }
    }

    /** What is known of a request so far, for metrics and the audit record when it fails midway. */
    private static final class Progress {
        final Exchange exchange;
        String operation = "Unknown";
        final Instant arrived;
        Authenticated who;
        Call call;
        Object request;
        Object response;

        Progress(Exchange exchange, Instant arrived) {
            this.exchange = exchange;
            this.arrived = arrived;
        }
    }
}
