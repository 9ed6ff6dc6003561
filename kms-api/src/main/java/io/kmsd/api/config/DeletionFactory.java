package io.kmsd.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kmsd.api.lifecycle.DeletionJob;
import io.kmsd.core.KeyService;
import io.kmsd.core.key.KeyArn;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

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
        return build(keys, executor, key -> { });
    }

    /** {@code deleted} hears of every key the job deleted (the audit trail's DeleteKey service event). */
    public DeletionJob build(KeyService keys, ScheduledExecutorService executor, Consumer<KeyArn> deleted) {
        return new DeletionJob(keys, executor, interval(), deleted);
    }
}
