package io.kmsd.api.protocol;

import io.kmsd.core.key.KeyArn;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The seam where the audit trail plugs in (DESIGN "Request flow" step 7): called once for every request —
 * allowed, denied or failed — after the handler ran and before its response is sent. {@link #NONE} records
 * nothing (audit disabled); {@code io.kmsd.api.audit.AuditTrail} writes the trail.
 *
 * <p>Fail closed (issue 5): a hook that cannot make the record durable throws a {@code KmsException}
 * (DependencyTimeout); the dispatcher then answers that error instead of the response.
 */
@FunctionalInterface
public interface AuditHook {
    AuditHook NONE = record -> { };

    void record(CallRecord record);

    /**
     * {@link #record} without holding the calling thread: completes once the record is durable, or exceptionally
     * with the {@code KmsException} to answer instead. Dependent actions may run on the trail's own thread and must
     * not block. By default it records on the calling thread.
     */
    default CompletionStage<Void> submit(CallRecord record) {
        try {
            record(record);
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * The request members the hook wants in {@link CallRecord#requestMembers()}, by wire path
     * ({@code KeyId}, {@code Tags.TagKey}); blobs are never copied, whatever is asked. None by default.
     */
    default Set<String> requestMembers() {
        return Set.of();
    }

    /** The response members the hook wants in {@link CallRecord#responseMembers()}, as above. */
    default Set<String> responseMembers() {
        return Set.of();
    }

    /**
     * The deletion job removed {@code key} at the end of its waiting period: a service event, no request behind it.
     * Throws a {@code KmsException} if the record cannot be made durable (the key is gone all the same).
     */
    default void keyDeleted(KeyArn key) {
    }
}
