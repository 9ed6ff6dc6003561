package io.kmsd.audit;

/** Drops every event: {@code kms.audit.enabled: false} (benchmarks, throwaway test servers). */
public final class NoopAuditSink implements AuditSink {
    public static final NoopAuditSink INSTANCE = new NoopAuditSink();

    private NoopAuditSink() {
    }

    @Override
    public void record(AuditEvent event) {
        // audit disabled by configuration
    }

    @Override
    public String health() {
        return "audit disabled";
    }
}
