package io.kmsd.api.lifecycle;

import io.dropwizard.lifecycle.Managed;
import io.kmsd.core.KeyService;
import io.kmsd.core.key.KeyArn;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes keys whose deletion date has passed (kms-api §3.3, §4.1: at the end of the window the key, its
 * materials, aliases and grants go) and tells {@code deleted} of each — the server's audit trail writes the
 * {@code DeleteKey} service event there. Core decides which keys are due by its injected clock; this job only
 * calls it periodically. A failed run is logged and retried at the next tick.
 *
 * <p>The event is written after core has committed the deletion: if it cannot be written (trail broken, or a crash
 * in between) the key is gone without its event; the failure is logged at ERROR with the key's ARN.
 */
public final class DeletionJob implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(DeletionJob.class);

    private final KeyService keys;
    private final ScheduledExecutorService executor;
    private final Duration interval;
    private final Consumer<KeyArn> deleted;
    private ScheduledFuture<?> task;

    public DeletionJob(KeyService keys, ScheduledExecutorService executor, Duration interval) {
        this(keys, executor, interval, key -> { });
    }

    public DeletionJob(KeyService keys, ScheduledExecutorService executor, Duration interval,
                       Consumer<KeyArn> deleted) {
        this.keys = keys;
        this.executor = executor;
        this.interval = interval;
        this.deleted = deleted;
    }

    @Override
    public void start() {
        long millis = interval.toMillis();
        task = executor.scheduleWithFixedDelay(this::runOnce, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    /** One pass; returns how many keys were deleted (0 if the pass failed). */
    public int runOnce() {
        List<KeyArn> gone;
        try {
            gone = keys.purgeExpiredKeys();
        } catch (RuntimeException e) {
            LOG.error("the deletion job failed; it runs again in {}", interval, e);
            return 0;
        }
        if (!gone.isEmpty()) {
            LOG.info("deleted {} key(s) whose waiting period ended", gone.size());
        }
        gone.forEach(this::announce);
        return gone.size();
    }

    private void announce(KeyArn key) {
        try {
            deleted.accept(key);
        } catch (RuntimeException e) {
            LOG.error("key {} was deleted but its audit event could not be written: {}", key, e.getMessage(), e);
        }
    }
}
