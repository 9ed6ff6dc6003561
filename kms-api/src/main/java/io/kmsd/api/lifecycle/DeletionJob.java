package io.kmsd.api.lifecycle;

import io.kmsd.core.KeyService;
import io.kmsd.core.key.KeyArn;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes keys whose deletion date has passed (kms-api §3.3, §4.1: at the end of the window the key, its
 * materials, aliases and grants go) and tells {@code deleted} of each — the server's audit trail writes the
 * {@code DeleteKey} service event there.
 *
 * <p>The event is written after core has committed the deletion: if it cannot be written (trail broken, or a crash
 * in between) the key is gone without its event; the failure is logged at ERROR with the key's ARN.
 */
public final class DeletionJob extends PeriodicJob {
    private static final Logger LOG = LoggerFactory.getLogger(DeletionJob.class);

    public DeletionJob(KeyService keys, ScheduledExecutorService executor, Duration interval) {
        this(keys, executor, interval, key -> { });
    }

    public DeletionJob(KeyService keys, ScheduledExecutorService executor, Duration interval,
                       Consumer<KeyArn> deleted) {
        super(() -> purge(keys, deleted), "key(s) deleted whose waiting period ended", executor, interval);
    }

    private static int purge(KeyService keys, Consumer<KeyArn> deleted) {
        List<KeyArn> gone = keys.purgeExpiredKeys();
        gone.forEach(key -> announce(deleted, key));
        return gone.size();
    }

    private static void announce(Consumer<KeyArn> deleted, KeyArn key) {
        try {
            deleted.accept(key);
        } catch (RuntimeException e) {
            LOG.error("key {} was deleted but its audit event could not be written: {}", key, e.getMessage(), e);
        }
    }
}
