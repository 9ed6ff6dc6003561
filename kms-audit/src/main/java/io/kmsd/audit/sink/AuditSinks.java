package io.kmsd.audit.sink;

import io.kmsd.audit.AuditConfig;
import io.kmsd.audit.AuditSink;
import io.kmsd.audit.NoopAuditSink;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

/** Builds the sink the configuration asks for; the one entry point kms-api needs to start auditing. */
public final class AuditSinks {
    /** The trail lives in {@code <dataDir>/audit}; the digest signing keys in {@code dataDir} itself. */
    public static final String AUDIT_DIR = "audit";

    private AuditSinks() {
    }

    /**
     * {@code enabled: false} gives {@link NoopAuditSink}; otherwise a {@link FileAuditSink} over
     * {@code <dataDir>/audit}, wrapped in {@link FailOpenAuditSink} when {@code failClosed} is false.
     */
    public static AuditSink open(Path dataDir, AuditConfig config, Clock clock) throws IOException {
        if (!config.enabled()) {
            return NoopAuditSink.INSTANCE;
        }
        FileAuditSink sink = FileAuditSink.open(auditDir(dataDir), dataDir, config, clock);
        return config.failClosed() ? sink : new FailOpenAuditSink(sink);
    }

    public static Path auditDir(Path dataDir) {
        return dataDir.resolve(AUDIT_DIR);
    }
}
