package io.kmsd.audit.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.kmsd.audit.AuditConfig;
import io.kmsd.audit.testing.TrailFiles;
import io.kmsd.audit.verify.AuditVerifier;
import io.kmsd.audit.verify.VerifyResult;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5 acceptance: kill -9 under load. Every event acknowledged before the kill is on disk, and the
 * verifier reports at most a torn last line; the next start sets the torn line aside and goes on.
 */
class CrashTest {
    @TempDir
    Path dataDir;

    @Test
    void everyAcknowledgedEventSurvivesKillNine() throws Exception {
        Process child = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                CrashWriterMain.class.getName(), dataDir.toString()).redirectErrorStream(false).start();
        List<String> acked = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && acked.size() < 3000) {
                if (line.startsWith("ack ")) {
                    acked.add(line.substring(4));
                }
            }
            // SIGKILL through the process handle: Process.destroyForcibly() would also close our end of the
            // pipe and lose acknowledgements the child printed just before dying.
            child.toHandle().destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ack ")) {
                    acked.add(line.substring(4));
                }
            }
        } finally {
            child.destroyForcibly();
        }
        assertThat(acked).hasSizeGreaterThanOrEqualTo(3000);
        Path dir = AuditSinks.auditDir(dataDir);
        String trail = TrailFiles.all(dir);
        assertThat(acked).allMatch(id -> trail.contains("\"requestID\":\"" + id + "\""));

        VerifyResult afterCrash = AuditVerifier.verify(dir);
        assertThat(afterCrash.status()).as(afterCrash.describe()).isIn(VerifyResult.Status.OK,
                VerifyResult.Status.TORN_TAIL);

        FileAuditSink.open(dir, dataDir, AuditConfig.defaults(), Clock.systemUTC()).close();
        VerifyResult afterRestart = AuditVerifier.verify(dir);
        assertThat(afterRestart.status()).as(afterRestart.describe()).isEqualTo(VerifyResult.Status.OK);
        assertThat(afterRestart.unsignedRecords()).isZero();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
