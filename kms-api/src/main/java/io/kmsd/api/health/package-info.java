/**
 * Admin-port health checks: the database answers, the root key is loaded.
 *
 * <p>May import Dropwizard health checks (metrics-healthchecks) and {@code io.kmsd.core.HealthProbe}.
 */
package io.kmsd.api.health;
