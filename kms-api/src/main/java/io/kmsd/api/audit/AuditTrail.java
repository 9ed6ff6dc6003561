package io.kmsd.api.audit;

import io.kmsd.api.protocol.AuditHook;
import io.kmsd.api.protocol.CallRecord;
import io.kmsd.api.protocol.Dispatcher;
import io.kmsd.audit.AuditEvent;
import io.kmsd.audit.AuditSink;
import io.kmsd.audit.AuditUnavailableException;
import io.kmsd.core.error.KmsError;
import io.kmsd.core.error.KmsException;
import io.kmsd.core.key.KeyArn;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * The audit hook of a running server: one event per request ({@link AuditEvents}), written to the kms-audit sink,
 * which returns once the event is on disk (group commit). The dispatcher calls it after the handler and before the
 * response, so a response is only sent for a request whose event is durable.
 *
 * <p>Fail closed (issue 5, as Vault does): when the sink cannot write, the request is refused with
 * {@code DependencyTimeoutException} — HTTP 503, which the AWS SDKs retry, and the model's error for "a service
 * this request depends on did not answer" (kms-api §1.2). KMSInternalException (500, also retried) would claim a
 * bug. With {@code kms.audit.failClosed: false} the sink drops the event instead (logged, counted, health red) and
 * this never throws.
 */
public final class AuditTrail implements AuditHook {
    static final String REFUSED = "The request was refused because the audit trail cannot be written. Retry later.";

    private final AuditSink sink;
    private final AuditEvents events;
    private final Clock clock;

    public AuditTrail(AuditSink sink, AuditEvents events) {
        this(sink, events, Clock.systemUTC());
    }

    /** {@code clock} dates the service's own events ({@link #keyDeleted}); requests carry their arrival time. */
    public AuditTrail(AuditSink sink, AuditEvents events, Clock clock) {
        this.sink = sink;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void record(CallRecord record) {
        write(events.of(record));
    }

    @Override
    public CompletionStage<Void> submit(CallRecord record) {
        return sink.submit(events.of(record)).exceptionally(AuditTrail::refuse);
    }

    private static Void refuse(Throwable t) {
        if (Dispatcher.unwrap(t) instanceof AuditUnavailableException) {
            throw new KmsException(KmsError.DependencyTimeout, REFUSED);
        }
        throw t instanceof CompletionException c ? c : new CompletionException(t);
    }

    /** The {@code DeleteKey} service event of a key whose waiting period ended ({@link ServiceEvents}). */
    @Override
    public void keyDeleted(KeyArn key) {
        write(ServiceEvents.keyDeleted(key, clock.instant()));
    }

    private void write(AuditEvent event) {
        try {
            sink.record(event);
        } catch (AuditUnavailableException e) {
            throw new KmsException(KmsError.DependencyTimeout, REFUSED);
        }
    }

    @Override
    public Set<String> requestMembers() {
        return WireParameters.REQUEST.keySet();
    }

    @Override
    public Set<String> responseMembers() {
        return WireParameters.RESPONSE.keySet();
    }

    public AuditSink sink() {
        return sink;
    }
}
