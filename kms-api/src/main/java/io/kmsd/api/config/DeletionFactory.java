package io.kmsd.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import io.kmsd.api.lifecycle.DeletionJob;
import io.kmsd.core.KeyService;
import io.kmsd.core.key.KeyArn;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code kms.deletion}: the project's rule that a key is disabled before its deletion is scheduled
 * ({@code requireDisabled}, default true; kms-api §4.1), and how often the job deleting keys whose waiting
 * period has ended runs.
 */
public class DeletionFactory {
    private boolean requireDisabled = true;

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    @MaxDuration(value = 1, unit = TimeUnit.DAYS)
    private Duration checkInterval = Duration.minutes(1);

    @JsonProperty
    public boolean isRequireDisabled() {
        return requireDisabled;
    }

    @JsonProperty
    public void setRequireDisabled(boolean requireDisabled) {
        this.requireDisabled = requireDisabled;
    }

    @JsonProperty
    public Duration getCheckInterval() {
        return checkInterval;
    }

    @JsonProperty
    public void setCheckInterval(Duration checkInterval) {
        this.checkInterval = checkInterval;
    }

    public DeletionJob build(KeyService keys, ScheduledExecutorService executor) {
        return build(keys, executor, key -> { });
    }

    /** {@code deleted} hears of every key the job deleted (the audit trail's DeleteKey service event). */
    public DeletionJob build(KeyService keys, ScheduledExecutorService executor, Consumer<KeyArn> deleted) {
        return new DeletionJob(keys, executor, checkInterval.toJavaDuration(), deleted);
    }
}
