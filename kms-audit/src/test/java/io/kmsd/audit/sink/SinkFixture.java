package io.kmsd.audit.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.kmsd.audit.AuditConfig;
import io.kmsd.audit.testing.MutableClock;
import io.kmsd.audit.verify.AuditVerifier;
import io.kmsd.audit.verify.VerifyResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.io.TempDir;

/** A data directory, a controlled clock and the default configuration: what every sink test starts from. */
abstract class SinkFixture {
    @TempDir
    Path dataDir;
    final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));
    final AuditConfig config = AuditConfig.defaults();

    Path dir() {
        return AuditSinks.auditDir(dataDir);
    }

    FileAuditSink open(AuditConfig c) throws IOException {
        return FileAuditSink.open(dir(), dataDir, c, clock);
    }

    /** Verifies the trail: every link and signature holds, and it holds this many records. */
    void assertIntact(long records) {
        VerifyResult r = AuditVerifier.verify(dir());
        assertThat(r.status()).as(r.describe()).isEqualTo(VerifyResult.Status.OK);
        assertThat(r.records()).isEqualTo(records);
    }
}
