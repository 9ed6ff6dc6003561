package io.kmsd.api.lifecycle;

import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A core step run with a fixed delay. Core decides what is due by its injected clock; the job only calls it.
 * A failed pass is logged and retried at the next tick.
 */
abstract class PeriodicJob implements Managed {
    private final Logger log = LoggerFactory.getLogger(getClass());
    private final IntSupplier pass;
    private final String what;
    private final ScheduledExecutorService executor;
    private final Duration interval;
    private ScheduledFuture<?> task;

    /** {@code what}: the log line's description of one counted item, e.g. "key(s) rotated". */
    PeriodicJob(IntSupplier pass, String what, ScheduledExecutorService executor, Duration interval) {
        this.pass = pass;
        this.what = what;
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

    /** One pass; returns how many items it handled (0 if the pass failed). */
    public int runOnce() {
        try {
            int done = pass.getAsInt();
            if (done > 0) {
                log.info("{} {}", done, what);
            }
            return done;
        } catch (RuntimeException e) {
            log.error("the {} job failed; it runs again in {}", getClass().getSimpleName(), interval, e);
            return 0;
        }
    }
}
