package io.kmsd.api.health;

import com.codahale.metrics.health.HealthCheck;
import io.kmsd.audit.AuditSink;

/**
 * {@code audit}: the audit trail takes events. Red after a write failed, until a later one succeeds — also with
 * {@code kms.audit.failClosed: false}, where requests go on but their events are dropped (issue 5).
 */
public final class AuditHealthCheck extends HealthCheck {
    private final AuditSink sink;

    public AuditHealthCheck(AuditSink sink) {
        this.sink = sink;
    }

    @Override
    protected Result check() {
        return sink.healthy() ? Result.healthy(sink.health()) : Result.unhealthy(sink.health());
    }
}
