package io.kmsd.api.config;

import io.kmsd.api.lifecycle.RotationJob;
import io.kmsd.core.KeyService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * {@code kms.rotation}: how often the job rotating keys whose automatic rotation period has passed runs
 * ({@code checkInterval}, default 1 minute; kms-api §4.7).
 */
public class RotationFactory extends JobFactory {

    public RotationJob build(KeyService keys, ScheduledExecutorService executor) {
        return new RotationJob(keys, executor, interval());
    }
}
