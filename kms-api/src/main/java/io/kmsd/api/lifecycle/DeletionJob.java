package io.kmsd.api.lifecycle;

import io.kmsd.core.KeyService;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Deletes keys whose deletion date has passed (kms-api §3.3, §4.1: at the end of the window the key, its
 * materials, aliases and grants go).
 */
public final class DeletionJob extends PeriodicJob {

    public DeletionJob(KeyService keys, ScheduledExecutorService executor, Duration interval) {
        super(keys::purgeExpiredDeletions, "key(s) deleted whose waiting period ended", executor, interval);
    }
}
