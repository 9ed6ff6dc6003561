package io.kmsd.api.health;

import com.codahale.metrics.health.HealthCheck;
import io.kmsd.core.HealthProbe;

/** {@code root-key}: the root key that wraps all key material is loaded. */
public final class RootKeyHealthCheck extends HealthCheck {
    private final HealthProbe probe;

    public RootKeyHealthCheck(HealthProbe probe) {
        this.probe = probe;
    }

    @Override
    protected Result check() {
        return probe.rootKeyLoaded() ? Result.healthy() : Result.unhealthy("the root key is not loaded");
    }
}
