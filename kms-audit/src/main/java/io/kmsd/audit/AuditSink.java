package io.kmsd.audit;

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
