/**
 * Admin-port health checks: the database answers, the root key is loaded, the audit trail takes events.
 *
 * <p>May import Dropwizard health checks (metrics-healthchecks), {@code io.kmsd.core.HealthProbe} and
 * {@code io.kmsd.audit.AuditSink}.
 */
package io.kmsd.api.health;
