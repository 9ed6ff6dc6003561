package io.kmsd.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/**
 * {@code kms.grants} (DESIGN "Grants and grant tokens across nodes"): how long a node uses a key's cached grants
 * before checking the database for changes made on other nodes ({@code refreshInterval}, 5 s), and how long a
 * new grant stays invisible without its token even on the node that made it ({@code propagationDelay}, 0; to
 * test an application against AWS's eventual consistency, key-policy-semantics E15).
 */
public class GrantsFactory {
    @NotNull
    @MinDuration(value = 0, unit = TimeUnit.SECONDS)
    @MaxDuration(value = 1, unit = TimeUnit.HOURS)
    private Duration refreshInterval = Duration.seconds(5);

    @NotNull
    @MinDuration(value = 0, unit = TimeUnit.SECONDS)
    @MaxDuration(value = 10, unit = TimeUnit.MINUTES)
    private Duration propagationDelay = Duration.seconds(0);

    @JsonProperty
    public Duration getRefreshInterval() {
        return refreshInterval;
    }

    @JsonProperty
    public void setRefreshInterval(Duration refreshInterval) {
        this.refreshInterval = refreshInterval;
    }

    @JsonProperty
    public Duration getPropagationDelay() {
        return propagationDelay;
    }

    @JsonProperty
    public void setPropagationDelay(Duration propagationDelay) {
        this.propagationDelay = propagationDelay;
    }
}
