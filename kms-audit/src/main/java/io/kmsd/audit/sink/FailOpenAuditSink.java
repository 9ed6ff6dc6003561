package io.kmsd.audit.sink;

import io.kmsd.audit.AuditEvent;
import io.kmsd.audit.AuditSink;
import io.kmsd.audit.AuditUnavailableException;
import io.kmsd.audit.CommitStats;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code kms.audit.failClosed: false}: an event that cannot be written is logged and counted, and the
 * request goes on. The health check still turns red, so the lost trail does not go unnoticed.
 */
public final class FailOpenAuditSink implements AuditSink {
    private static final Logger LOG = LoggerFactory.getLogger(FailOpenAuditSink.class);
    private final AuditSink delegate;
    private final AtomicLong dropped = new AtomicLong();

    public FailOpenAuditSink(AuditSink delegate) {
        this.delegate = delegate;
    }

    @Override
    public void record(AuditEvent event) {
        try {
            delegate.record(event);
        } catch (AuditUnavailableException e) {
            drop(event, e);
        }
    }

    @Override
    public CompletionStage<Void> submit(AuditEvent event) {
        return delegate.submit(event).exceptionally(t -> {
            Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
            if (!(cause instanceof AuditUnavailableException)) {
                throw t instanceof CompletionException c ? c : new CompletionException(t);
            }
            drop(event, cause);
            return null;
        });
    }

    private void drop(AuditEvent event, Throwable e) {
        long n = dropped.incrementAndGet();
        LOG.error("audit: event {} of request {} dropped (fail-open; {} dropped so far): {}",
                event.eventID(), event.requestID(), n, e.getMessage());
    }

    /** Events lost since start. */
    public long dropped() {
        return dropped.get();
    }

    @Override
    public boolean healthy() {
        return delegate.healthy();
    }

    @Override
    public String health() {
        long n = dropped.get();
        return n == 0 ? delegate.health() : delegate.health() + " (" + n + " events dropped, fail-open)";
    }

    @Override
    public CommitStats stats() {
        return delegate.stats();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
