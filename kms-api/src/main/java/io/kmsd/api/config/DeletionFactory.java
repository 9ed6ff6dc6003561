package io.kmsd.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kmsd.api.lifecycle.DeletionJob;
import io.kmsd.core.KeyService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * {@code kms.deletion}: the project's rule that a key is disabled before its deletion is scheduled
 * ({@code requireDisabled}, default true; kms-api §4.1), and how often the job deleting keys whose waiting
 * period has ended runs ({@code checkInterval}, default 1 minute).
 */
public class DeletionFactory extends JobFactory {
    private boolean requireDisabled = true;

    @JsonProperty
    public boolean isRequireDisabled() {
        return requireDisabled;
    }

    @JsonProperty
    public void setRequireDisabled(boolean requireDisabled) {
        this.requireDisabled = requireDisabled;
    }

    public DeletionJob build(KeyService keys, ScheduledExecutorService executor) {
        return new DeletionJob(keys, executor, interval());
    }
}
