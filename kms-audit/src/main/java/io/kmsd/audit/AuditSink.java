package io.kmsd.audit;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The audit port kms-api calls once for every request that reaches the server, allowed, denied or
 * failed, before the response is sent.
 *
 * <p>{@link #record} returns only when the event is durable (on disk, forced); if it cannot be made
 * durable it throws {@link AuditUnavailableException} and the caller must not answer the request as
 * if it had been audited (fail closed, as Vault does).
 */
public interface AuditSink extends AutoCloseable {

    /** Makes the event durable, or throws {@link AuditUnavailableException}. Thread-safe. */
    void record(AuditEvent event);

    /**
     * {@link #record} without holding the calling thread: the stage completes once the event is durable, or
     * exceptionally with {@link AuditUnavailableException}. The caller answers its request from the completion, so
     * the response still waits for the disk; only the thread does not. Dependent actions may run on the sink's own
     * thread and must not block. This default records on the calling thread.
     */
    default CompletionStage<Void> submit(AuditEvent event) {
        try {
            record(event);
            return CompletableFuture.completedFuture(null);
        } catch (AuditUnavailableException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** False while the trail cannot be written (the health check turns red). */
    default boolean healthy() {
        return true;
    }

    /** A short health description for the admin health check. */
    default String health() {
        return healthy() ? "audit trail writable" : "audit trail cannot be written";
    }

    /** Group-commit figures since start (none for a sink that writes nothing). */
    default CommitStats stats() {
        return CommitStats.NONE;
    }

    /** Flushes and signs what has been written; further {@link #record} calls fail. */
    @Override
    default void close() {
    }
}
