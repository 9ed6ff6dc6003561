package io.kmsd.audit.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmsd.audit.AuditConfig;
import io.kmsd.audit.chain.ChainedRecord;
import io.kmsd.audit.chain.LogFiles;
import io.kmsd.audit.sink.AuditSinks;
import io.kmsd.audit.sink.FileAuditSink;
import io.kmsd.audit.testing.Events;
import io.kmsd.audit.testing.MutableClock;
import io.kmsd.audit.testing.TrailFiles;
import io.kmsd.audit.verify.Finding.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 5 §3: every kind of tampering is found, named at its first bad place, and exits non-zero. */
class TamperTest {
    @TempDir
    Path dataDir;
    Path dir;

    @BeforeEach
    void writeTrail() throws IOException {
        dir = AuditSinks.auditDir(dataDir);
        MutableClock clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));
        AuditConfig config = AuditConfig.defaults().withRotation(8192, Duration.ofHours(1))
                .withDigests(5, Duration.ofHours(1));
        try (FileAuditSink sink = FileAuditSink.open(dir, dataDir, config, clock)) {
            for (int i = 1; i <= 30; i++) {
                sink.record(i % 7 == 0 ? Events.deniedDisable(i, clock.instant()) : Events.encrypt(i, clock.instant()));
                clock.advance(Duration.ofSeconds(1));
            }
        }
        assertThat(TrailFiles.logs(dir)).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void intactTrailVerifies() {
        VerifyResult r = AuditVerifier.verify(dir);
        assertThat(r.status()).as(r.describe()).isEqualTo(VerifyResult.Status.OK);
        assertThat(r.exitCode()).isZero();
        assertThat(r.records()).isEqualTo(30);
        assertThat(r.digests()).isGreaterThanOrEqualTo(6);
        assertThat(r.unsignedRecords()).isZero();
        assertThat(r.keySource()).startsWith("pinned by");
    }

    @Test
    void editedFieldIsFound() throws IOException {
        Path file = file(1);
        List<String> lines = TrailFiles.lines(file);
        lines.set(2, lines.get(2).replace("user/alice", "user/mallory"));
        TrailFiles.write(file, lines);
        assertFirst(Kind.EDITED, file, 3);
    }

    @Test
    void deletedLineIsFound() throws IOException {
        Path file = file(0);
        List<String> lines = TrailFiles.lines(file);
        lines.remove(1);
        TrailFiles.write(file, lines);
        Finding f = assertFirst(Kind.DELETED, file, 2);
        assertThat(f.sequence()).isEqualTo(2);
    }

    @Test
    void swappedLinesAreFound() throws IOException {
        Path file = file(0);
        List<String> lines = TrailFiles.lines(file);
        String second = lines.get(1);
        lines.set(1, lines.get(2));
        lines.set(2, second);
        TrailFiles.write(file, lines);
        assertFirst(Kind.REORDERED, file, 2);
    }

    @Test
    void insertedForgedLineIsFound() throws IOException {
        Path file = file(0);
        List<String> lines = TrailFiles.lines(file);
        lines.add(2, lines.get(1).replace("\"Encrypt\"", "\"Decrypt\""));
        TrailFiles.write(file, lines);
        assertFirst(Kind.INSERTED, file, 3);
    }

    @Test
    void insertedCorrectlyLinkedForgeryIsFound() throws IOException {
        Path file = file(0);
        List<String> lines = TrailFiles.lines(file);
        ChainedRecord real = record(lines.get(1));
        byte[] forgedEvent = new String(real.event(), StandardCharsets.UTF_8).replace("alice", "bob")
                .getBytes(StandardCharsets.UTF_8);
        ChainedRecord forged = ChainedRecord.link(real.sequence(), real.previousHash(), forgedEvent);
        lines.add(1, line(forged));
        TrailFiles.write(file, lines);
        assertFirst(Kind.INSERTED, file, 2);
    }

    @Test
    void rehashedChainIsCaughtByTheSignedDigest() throws IOException {
        Path file = file(0);
        List<String> lines = TrailFiles.lines(file);
        String previous = record(lines.get(0)).hash();
        for (int i = 1; i < lines.size(); i++) {
            ChainedRecord r = record(lines.get(i));
            byte[] event = i == 1 ? new String(r.event(), StandardCharsets.UTF_8).replace("alice", "bob")
                    .getBytes(StandardCharsets.UTF_8) : r.event();
            ChainedRecord rewritten = ChainedRecord.link(r.sequence(), previous, event);
            lines.set(i, line(rewritten));
            previous = rewritten.hash();
        }
        TrailFiles.write(file, lines);
        VerifyResult r = AuditVerifier.verify(dir);
        assertThat(r.status()).isEqualTo(VerifyResult.Status.TAMPERED);
        assertThat(r.firstProblem().orElseThrow().kind()).as(r.describe()).isIn(Kind.DIGEST_MISMATCH, Kind.EDITED);
        assertThat(r.findings()).extracting(Finding::kind).contains(Kind.DIGEST_MISMATCH);
    }

    @Test
    void removedRotatedFileIsFound() throws IOException {
        Path file = file(1);
        Files.delete(file);
        VerifyResult r = AuditVerifier.verify(dir);
        Finding first = r.firstProblem().orElseThrow();
        assertThat(first.kind()).as(r.describe()).isEqualTo(Kind.MISSING_FILE);
        assertThat(first.file()).isEqualTo(file.getFileName().toString());
        assertThat(r.exitCode()).isEqualTo(VerifyResult.EXIT_TAMPERED);
    }

    @Test
    void alteredDigestIsFound() throws IOException {
        Path digest = LogFiles.digests(dir).get(1);
        String text = Files.readString(digest);
        Files.writeString(digest, text.replaceFirst("\"time\":\"2025-03-01T10:00:", "\"time\":\"2025-03-01T11:00:"));
        VerifyResult r = AuditVerifier.verify(dir);
        Finding first = r.firstProblem().orElseThrow();
        assertThat(first.kind()).as(r.describe()).isEqualTo(Kind.BAD_DIGEST_SIGNATURE);
        assertThat(first.file()).endsWith(digest.getFileName().toString());
    }

    @Test
    void deletedDigestIsFound() throws IOException {
        Files.delete(LogFiles.digests(dir).get(2));
        VerifyResult r = AuditVerifier.verify(dir);
        assertThat(r.firstProblem().orElseThrow().kind()).as(r.describe()).isEqualTo(Kind.MISSING_DIGEST);
        assertThat(r.exitCode()).isEqualTo(VerifyResult.EXIT_TAMPERED);
    }

    @Test
    void truncatedEndOfTrailIsFoundThroughTheLastDigest() throws IOException {
        List<Path> logs = TrailFiles.logs(dir);
        Path last = logs.get(logs.size() - 1);
        List<String> lines = TrailFiles.lines(last);
        TrailFiles.write(last, lines.subList(0, lines.size() - 1));
        VerifyResult r = AuditVerifier.verify(dir);
        assertThat(r.firstProblem().orElseThrow().kind()).as(r.describe()).isEqualTo(Kind.DELETED);
        assertThat(r.firstProblem().orElseThrow().sequence()).isEqualTo(30);
    }

    @Test
    void tornLastLineIsReportedAsTornTailNotTampering() throws IOException {
        List<Path> logs = TrailFiles.logs(dir);
        Path last = logs.get(logs.size() - 1);
        Files.writeString(last, "{\"sequence\":31,\"previousHash\":\"ab", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        VerifyResult r = AuditVerifier.verify(dir);
        assertThat(r.status()).as(r.describe()).isEqualTo(VerifyResult.Status.TORN_TAIL);
        assertThat(r.exitCode()).isEqualTo(VerifyResult.EXIT_TORN_TAIL);
        assertThat(r.firstProblem().orElseThrow().isTampering()).isFalse();
        assertThat(r.records()).isEqualTo(30);
    }

    @Test
    void digestsSignedByAnotherKeyAreRefusedWhenTheKeyIsPinned() throws IOException {
        Path other = Files.createDirectories(dataDir.resolve("other"));
        io.kmsd.audit.chain.DigestKeys.loadOrCreate(other);
        VerifyResult r = AuditVerifier.verify(dir,
                io.kmsd.audit.chain.DigestKeys.readPublic(other.resolve("audit-signing.pub")), "test");
        assertThat(r.firstProblem().orElseThrow().kind()).isEqualTo(Kind.BAD_DIGEST_SIGNATURE);
    }

    @Test
    void emptyTrailIsIntact() throws IOException {
        Path empty = Files.createDirectories(dataDir.resolve("empty"));
        VerifyResult r = AuditVerifier.verify(empty);
        assertThat(r.status()).isEqualTo(VerifyResult.Status.OK);
        assertThat(r.records()).isZero();
    }

    @Test
    void removingTheLastDigestLeavesItsRecordsOnlyChainedNotSigned() throws IOException {
        List<Path> digests = LogFiles.digests(dir);
        Files.delete(digests.get(digests.size() - 1));
        VerifyResult r = AuditVerifier.verify(dir);
        assertThat(r.status()).as(r.describe()).isEqualTo(VerifyResult.Status.OK);
        assertThat(r.unsignedRecords()).as("records after the last remaining digest are only chained").isPositive();
    }

    @Test
    void reportNamesTheFirstBadPlaceAndTheJsonFormCarriesTheExitCode() throws IOException {
        Path file = file(1);
        List<String> lines = TrailFiles.lines(file);
        lines.set(0, lines.get(0).replace("127.0.0.1", "10.0.0.66"));
        TrailFiles.write(file, lines);
        VerifyResult r = AuditVerifier.verify(dir);
        assertThat(r.describe()).startsWith("TAMPERED: ").contains("first bad place: EDITED at "
                + file.getFileName() + " line 1 (record ");
        assertThat(r.toJson()).contains("\"status\":\"TAMPERED\"", "\"exitCode\":1", "\"kind\":\"EDITED\"");
    }

    @Test
    void missingDirectoryIsAnErrorNotAVerdict() {
        assertThatThrownBy(() -> AuditVerifier.verify(dataDir.resolve("nope")))
                .isInstanceOf(UncheckedIOException.class);
    }

    private Path file(int index) {
        return TrailFiles.logs(dir).get(index);
    }

    private Finding assertFirst(Kind kind, Path file, int line) {
        VerifyResult r = AuditVerifier.verify(dir);
        Finding f = r.firstProblem().orElseThrow(() -> new AssertionError("no finding:\n" + r.describe()));
        assertThat(f.kind()).as(r.describe()).isEqualTo(kind);
        assertThat(f.file()).isEqualTo(file.getFileName().toString());
        assertThat(f.line()).as(r.describe()).isEqualTo(line);
        assertThat(r.exitCode()).isEqualTo(VerifyResult.EXIT_TAMPERED);
        return f;
    }

    private static ChainedRecord record(String line) {
        return ChainedRecord.parse(line.getBytes(StandardCharsets.UTF_8)).orElseThrow();
    }

    private static String line(ChainedRecord r) {
        String s = new String(r.toLine(), StandardCharsets.UTF_8);
        return s.substring(0, s.length() - 1);
    }
}
