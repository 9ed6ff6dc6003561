package io.kmsd.api.health;

import com.codahale.metrics.health.HealthCheck;
import io.kmsd.core.HealthProbe;

/** {@code database}: core can reach its database. */
public final class DatabaseHealthCheck extends HealthCheck {
    private final HealthProbe probe;

    public DatabaseHealthCheck(HealthProbe probe) {
        this.probe = probe;
    }

    @Override
    protected Result check() {
        return probe.databaseReachable() ? Result.healthy() : Result.unhealthy("the database does not answer");
    }
}
