package io.kmsd.api.lifecycle;

import io.dropwizard.lifecycle.Managed;
import io.kmsd.core.KeyService;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes keys whose deletion date has passed (kms-api §3.3, §4.1: at the end of the window the key, its
 * materials, aliases and grants go). Core decides which keys are due by its injected clock; this job only
 * calls it periodically. A failed run is logged and retried at the next tick.
 */
public final class DeletionJob implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(DeletionJob.class);

    private final KeyService keys;
    private final ScheduledExecutorService executor;
    private final Duration interval;
    private ScheduledFuture<?> task;

    public DeletionJob(KeyService keys, ScheduledExecutorService executor, Duration interval) {
        this.keys = keys;
        this.executor = executor;
        this.interval = interval;
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
        try {
            int deleted = keys.purgeExpiredDeletions();
            if (deleted > 0) {
                LOG.info("deleted {} key(s) whose waiting period ended", deleted);
            }
            return deleted;
        } catch (RuntimeException e) {
            LOG.error("the deletion job failed; it runs again in {}", interval, e);
            return 0;
        }
    }
}
