package io.kmsd.core;

/** What the admin health checks ask core. */
public interface HealthProbe {
    boolean databaseReachable();

    boolean rootKeyLoaded();
}
