package io.kmsd.audit.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.kmsd.audit.chain.LogFiles;
import io.kmsd.audit.testing.Events;
import io.kmsd.audit.testing.TrailFiles;
import io.kmsd.audit.verify.AuditVerifier;
import io.kmsd.audit.verify.Finding;
import io.kmsd.audit.verify.VerifyResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The writer's reserved space (LogWriter): the open file is zero-filled ahead of its records, readers stop at the
 * first zero byte of the newest file, and whatever a crash leaves there is either nothing (zeros) or a torn tail —
 * never a reason to call the trail tampered.
 */
class ReservedSpaceTest extends SinkFixture {
    /** The bytes of the newest log file while the writer still runs: what a kill -9 would leave. */
    byte[] crashImage(int events) throws IOException {
        byte[] image;
        try (FileAuditSink sink = open(config)) {
            for (int i = 1; i <= events; i++) {
                sink.record(Events.encrypt(i, clock.instant()));
            }
            image = Files.readAllBytes(newest());
        }
        return image;
    }

    Path newest() {
        List<Path> logs = TrailFiles.logs(dir());
        return logs.get(logs.size() - 1);
    }

    @Test
    void theOpenFileEndsInZerosAndTheClosedFileHoldsOnlyRecords() throws IOException {
        byte[] open = crashImage(3);
        int records = LogFiles.recordsEnd(open);
        assertThat(open.length).as("reserved ahead of the records").isGreaterThan(records);
        assertThat(Arrays.copyOfRange(open, records, open.length)).containsOnly((byte) 0);
        byte[] closed = Files.readAllBytes(newest());
        assertThat(closed).hasSize(records).doesNotContain((byte) 0);
        assertThat(Arrays.copyOf(open, records)).isEqualTo(closed);
    }

    @Test
    void aLiveTrailVerifiesWithoutAnyFinding() throws IOException {
        try (FileAuditSink sink = open(config)) {
            for (int i = 1; i <= 5; i++) {
                sink.record(Events.encrypt(i, clock.instant()));
            }
            VerifyResult r = AuditVerifier.verify(dir());
            assertThat(r.status()).as(r.describe()).isEqualTo(VerifyResult.Status.OK);
            assertThat(r.records()).isEqualTo(5);
        }
    }

    @Test
    void onlyTheNewestFileEverEndsInZeros() throws IOException {
        try (FileAuditSink sink = open(config.withRotation(8192, Duration.ofHours(1)))) {
            for (int i = 1; i <= 30; i++) {
                sink.record(Events.encrypt(i, clock.instant()));
            }
            List<Path> logs = TrailFiles.logs(dir());
            assertThat(logs).hasSizeGreaterThan(3);
            for (Path older : logs.subList(0, logs.size() - 1)) {
                assertThat(Files.readAllBytes(older)).as(older.toString()).doesNotContain((byte) 0);
                assertThat(Files.size(older)).isLessThanOrEqualTo(8192);
            }
            assertThat(Files.readAllBytes(newest())).contains((byte) 0);
        }
        assertThat(AuditVerifier.verify(dir()).status()).isEqualTo(VerifyResult.Status.OK);
    }

    @Test
    void aCrashLeavingOnlyZerosIsNoFindingAndTheChainGoesOn() throws IOException {
        byte[] image = crashImage(2);
        Files.write(newest(), image);
        VerifyResult crashed = AuditVerifier.verify(dir());
        assertThat(crashed.status()).as(crashed.describe()).isEqualTo(VerifyResult.Status.OK);
        assertThat(crashed.records()).isEqualTo(2);
        try (FileAuditSink sink = open(config)) {
            sink.record(Events.encrypt(3, clock.instant()));
        }
        assertThat(LogFiles.tornTails(dir())).isEmpty();
        assertThat(Files.readAllBytes(TrailFiles.logs(dir()).get(0))).hasSize(LogFiles.recordsEnd(image));
        assertIntact(3);
    }

    @Test
    void aHalfWrittenRecordBeforeTheZerosIsATornTail() throws IOException {
        byte[] image = crashImage(2);
        int end = LogFiles.recordsEnd(image);
        byte[] partial = "{\"sequence\":3,\"previousHash\":\"ab".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(partial, 0, image, end, partial.length);
        Files.write(newest(), image);
        assertThat(AuditVerifier.verify(dir()).status()).isEqualTo(VerifyResult.Status.TORN_TAIL);
        try (FileAuditSink sink = open(config)) {
            sink.record(Events.encrypt(3, clock.instant()));
        }
        List<Path> torn = LogFiles.tornTails(dir());
        assertThat(torn).singleElement().satisfies(t -> assertThat(Files.readAllBytes(t)).isEqualTo(partial));
        assertIntact(3);
    }

    @Test
    void bytesThatLandedBeyondTheFirstZeroAreATornTailToo() throws IOException {
        // Overwriting reserved space, a later block of an unacknowledged batch can reach the disk before an
        // earlier one: records, zeros, then a fragment.
        byte[] image = crashImage(2);
        int end = LogFiles.recordsEnd(image);
        byte[] fragment = "ctx\":{\"order\":\"7\"}}\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(fragment, 0, image, end + 4096, fragment.length);
        Files.write(newest(), image);
        VerifyResult crashed = AuditVerifier.verify(dir());
        assertThat(crashed.status()).as(crashed.describe()).isEqualTo(VerifyResult.Status.TORN_TAIL);
        assertThat(crashed.records()).isEqualTo(2);
        try (FileAuditSink sink = open(config)) {
            sink.record(Events.encrypt(3, clock.instant()));
        }
        assertThat(LogFiles.tornTails(dir())).singleElement()
                .satisfies(t -> assertThat(Files.readAllBytes(t)).hasSize(4096 + fragment.length));
        assertIntact(3);
    }

    @Test
    void zerosInAnOlderFileAreDamageNotReservedSpace() throws IOException {
        try (FileAuditSink sink = open(config)) {
            sink.record(Events.encrypt(1, clock.instant()));
            sink.record(Events.encrypt(2, clock.instant()));
        }
        clock.advance(Duration.ofSeconds(5));
        try (FileAuditSink sink = open(config)) {
            sink.record(Events.encrypt(3, clock.instant()));
        }
        Path older = TrailFiles.logs(dir()).get(0);
        byte[] content = Files.readAllBytes(older);
        int second = indexOf(content, (byte) '\n') + 1;
        Arrays.fill(content, second, content.length, (byte) 0); // record 2 blanked out
        Files.write(older, content);
        VerifyResult r = AuditVerifier.verify(dir());
        assertThat(r.status()).as(r.describe()).isEqualTo(VerifyResult.Status.TAMPERED);
        assertThat(r.firstProblem()).get().extracting(Finding::sequence).isEqualTo(2L);
    }

    private static int indexOf(byte[] content, byte b) {
        for (int i = 0; i < content.length; i++) {
            if (content[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
