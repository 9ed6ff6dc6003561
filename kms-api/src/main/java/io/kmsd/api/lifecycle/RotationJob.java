package io.kmsd.api.lifecycle;

import io.kmsd.core.KeyService;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

/** Rotates every key whose automatic rotation period has passed (kms-api §4.7; core's {@code rotateDue}). */
public final class RotationJob extends PeriodicJob {

    public RotationJob(KeyService keys, ScheduledExecutorService executor, Duration interval) {
        super(keys::rotateDue, "key(s) rotated automatically", executor, interval);
    }
}
