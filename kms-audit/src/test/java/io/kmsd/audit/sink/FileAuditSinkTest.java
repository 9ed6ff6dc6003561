package io.kmsd.audit.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmsd.audit.AuditEvent;
import io.kmsd.audit.AuditJson;
import io.kmsd.audit.AuditSink;
import io.kmsd.audit.Decision;
import io.kmsd.audit.AuditUnavailableException;
import io.kmsd.audit.NoopAuditSink;
import io.kmsd.audit.RequestParameters;
import io.kmsd.audit.Resource;
import io.kmsd.audit.chain.LogFiles;
import io.kmsd.audit.testing.Events;
import io.kmsd.audit.testing.TrailFiles;
import io.kmsd.audit.verify.AuditVerifier;
import io.kmsd.audit.verify.VerifyResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class FileAuditSinkTest extends SinkFixture {
    @Test
    void eventIsOnDiskWhenRecordReturns() throws IOException {
        try (FileAuditSink sink = open(config)) {
            AuditEvent e = Events.encrypt(1, clock.instant());
            sink.record(e);
            assertThat(TrailFiles.all(dir())).contains(e.eventID()).contains(AuditJson.toJson(e));
        }
    }

    /**
     * The writer builds each batch in one reusable buffer of 64 KiB: an event far bigger than that, and a batch of
     * several MiB (which the writer does not keep its buffer for), must still be written whole and in order.
     */
    @Test
    void eventsAndBatchesBiggerThanTheWritersBufferAreWrittenWhole() throws Exception {
        Map<String, String> context = new TreeMap<>();
        for (int i = 0; i < 100; i++) {
            context.put("k" + i, "v".repeat(8000));
        }
        List<AuditEvent> big = new ArrayList<>();
        for (int n = 1; n <= 8; n++) {
            big.add(Events.base(n, clock.instant()).eventName("Encrypt")
                    .requestParameters(RequestParameters.builder().encryptionContext(context).build())
                    .decision(Decision.notEvaluated("test")).build());
        }
        try (FileAuditSink sink = open(config)) {
            List<CompletableFuture<Void>> done = new ArrayList<>();
            big.forEach(e -> done.add(sink.submit(e).toCompletableFuture()));
            sink.record(Events.encrypt(9, clock.instant()));
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        }
        assertIntact(9);
        String trail = TrailFiles.all(dir());
        for (AuditEvent e : big) {
            assertThat(trail).contains(AuditJson.toJson(e));
        }
    }

    @Test
    void chainContinuesAcrossRestartsInANewFile() throws IOException {
        try (FileAuditSink sink = open(config)) {
            sink.record(Events.encrypt(1, clock.instant()));
            sink.record(Events.encrypt(2, clock.instant()));
        }
        clock.advance(Duration.ofSeconds(5));
        try (FileAuditSink sink = open(config)) {
            sink.record(Events.encrypt(3, clock.instant()));
        }
        VerifyResult r = AuditVerifier.verify(dir());
        assertThat(r.status()).as(r.describe()).isEqualTo(VerifyResult.Status.OK);
        assertThat(r.records()).isEqualTo(3);
        assertThat(r.files()).isEqualTo(2);
    }

    @Test
    void tornTailIsSetAsideOnRestartAndTheChainGoesOn() throws IOException {
        try (FileAuditSink sink = open(config)) {
            sink.record(Events.encrypt(1, clock.instant()));
        }
        Path last = TrailFiles.logs(dir()).get(0);
        long size = Files.size(last);
        Files.writeString(last, "{\"sequence\":2,\"prev", StandardOpenOption.APPEND);
        assertThat(AuditVerifier.verify(dir()).status()).isEqualTo(VerifyResult.Status.TORN_TAIL);
        try (FileAuditSink sink = open(config)) {
            sink.record(Events.encrypt(2, clock.instant()));
        }
        assertThat(Files.size(last)).isEqualTo(size);
        assertThat(LogFiles.tornTails(dir())).hasSize(1);
        VerifyResult r = AuditVerifier.verify(dir());
        assertThat(r.status()).as(r.describe()).isEqualTo(VerifyResult.Status.OK);
        assertThat(r.records()).isEqualTo(2);
        assertThat(r.notes()).anyMatch(n -> n.contains("torn tail"));
    }

    @Test
    void fileHoldingOnlyATornLineIsRemovedAndTheChainGoesOnFromTheFileBefore() throws IOException {
        try (FileAuditSink sink = open(config)) {
            sink.record(Events.encrypt(1, clock.instant()));
        }
        clock.advance(Duration.ofMinutes(1));
        Path torn = dir().resolve(LogFiles.logName(2, clock.instant()));
        Files.writeString(torn, "{\"sequence\":2,\"previousHa");
        try (FileAuditSink sink = open(config)) {
            sink.record(Events.encrypt(2, clock.instant()));
        }
        assertThat(LogFiles.tornTails(dir())).hasSize(1);
        VerifyResult r = AuditVerifier.verify(dir());
        assertThat(r.status()).as(r.describe()).isEqualTo(VerifyResult.Status.OK);
        assertThat(r.records()).isEqualTo(2);
    }

    @Test
    void trailShorterThanItsLastDigestRefusesToStart() throws IOException {
        try (FileAuditSink sink = open(config)) {
            sink.record(Events.encrypt(1, clock.instant()));
            sink.record(Events.encrypt(2, clock.instant()));
        }
        Path log = TrailFiles.logs(dir()).get(0);
        TrailFiles.write(log, TrailFiles.lines(log).subList(0, 1));
        assertThatThrownBy(() -> open(config)).isInstanceOf(IOException.class).hasMessageContaining("covers up to 2");
    }

    @Test
    void damagedCompleteLastLineRefusesToStart() throws IOException {
        try (FileAuditSink sink = open(config)) {
            sink.record(Events.encrypt(1, clock.instant()));
        }
        Path last = TrailFiles.logs(dir()).get(0);
        List<String> lines = TrailFiles.lines(last);
        lines.set(0, lines.get(0).replace("alice", "mallory"));
        TrailFiles.write(last, lines);
        assertThatThrownBy(() -> open(config)).isInstanceOf(IOException.class).hasMessageContaining("kms audit verify");
    }

    @Test
    void rotatesBySizeAndEveryFileStaysUnderTheLimit() throws IOException {
        try (FileAuditSink sink = open(config.withRotation(4096, Duration.ofHours(1)))) {
            for (int i = 1; i <= 20; i++) {
                sink.record(Events.encrypt(i, clock.instant()));
            }
        }
        List<Path> logs = TrailFiles.logs(dir());
        assertThat(logs).hasSizeGreaterThan(4);
        for (Path p : logs) {
            assertThat(Files.size(p)).isLessThanOrEqualTo(4096);
        }
        assertThat(AuditVerifier.verify(dir()).status()).isEqualTo(VerifyResult.Status.OK);
    }

    @Test
    void rotatesByAgeAndSignsTheClosedFile() throws IOException {
        try (FileAuditSink sink = open(config.withRotation(1 << 20, Duration.ofMinutes(10)))) {
            sink.record(Events.encrypt(1, clock.instant()));
            clock.advance(Duration.ofMinutes(10));
            sink.record(Events.encrypt(2, clock.instant()));
            assertThat(TrailFiles.logs(dir())).hasSize(2);
            assertThat(LogFiles.digests(dir())).hasSize(1);
        }
    }

    @Test
    void digestIsWrittenEveryNRecordsAndAtClose() throws IOException {
        try (FileAuditSink sink = open(config.withDigests(3, Duration.ofHours(1)))) {
            for (int i = 1; i <= 7; i++) {
                sink.record(Events.encrypt(i, clock.instant()));
            }
            sink.record(Events.encrypt(8, clock.instant()));
            assertThat(LogFiles.digests(dir())).hasSize(2);
        }
        assertThat(LogFiles.digests(dir())).hasSize(3);
        VerifyResult r = AuditVerifier.verify(dir());
        assertThat(r.status()).isEqualTo(VerifyResult.Status.OK);
        assertThat(r.unsignedRecords()).isZero();
    }

    @Test
    void digestIsWrittenWhenRecordsGetOlderThanTheInterval() throws IOException {
        try (FileAuditSink sink = open(config.withDigests(1000, Duration.ofMinutes(5)))) {
            sink.record(Events.encrypt(1, clock.instant()));
            assertThat(LogFiles.digests(dir())).isEmpty();
            clock.advance(Duration.ofMinutes(5));
            sink.record(Events.encrypt(2, clock.instant()));
            sink.record(Events.encrypt(3, clock.instant()));
            assertThat(LogFiles.digests(dir())).hasSize(1);
        }
    }

    @Test
    void checkpointSignsEverythingRecordedSoFar() throws IOException {
        try (FileAuditSink sink = open(config)) {
            sink.record(Events.encrypt(1, clock.instant()));
            sink.checkpoint();
            assertThat(AuditVerifier.verify(dir()).unsignedRecords()).isZero();
        }
    }

    @Test
    void concurrentRecordersAreAllDurableAndChained() throws Exception {
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 1; i <= 1600; i++) {
            events.add(Events.encrypt(i, clock.instant()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try (FileAuditSink sink = open(config.withRotation(256 * 1024, Duration.ofHours(1)))) {
            List<Future<?>> done = new ArrayList<>();
            events.forEach(e -> done.add(pool.submit(() -> sink.record(e))));
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        String all = TrailFiles.all(dir());
        assertThat(events).allMatch(e -> all.contains(e.eventID()));
        VerifyResult r = AuditVerifier.verify(dir());
        assertThat(r.status()).as(r.describe()).isEqualTo(VerifyResult.Status.OK);
        assertThat(r.records()).isEqualTo(1600);
    }

    @Test
    void writeFailureRefusesTheRequestTurnsHealthRedAndRecovers() throws IOException {
        AtomicBoolean failing = new AtomicBoolean();
        try (FileAuditSink sink = FileAuditSink.open(dir(), dataDir, config, clock, FlakyChannel.opener(failing))) {
            sink.record(Events.encrypt(1, clock.instant()));
            failing.set(true);
            assertThatThrownBy(() -> sink.record(Events.encrypt(2, clock.instant())))
                    .isInstanceOf(AuditUnavailableException.class).hasMessageContaining("No space left");
            assertThat(sink.healthy()).isFalse();
            assertThat(sink.health()).contains("cannot be written");
            assertThatThrownBy(() -> sink.record(Events.encrypt(3, clock.instant())))
                    .isInstanceOf(AuditUnavailableException.class);
            failing.set(false);
            sink.record(Events.encrypt(4, clock.instant()));
            assertThat(sink.healthy()).isTrue();
        }
        String all = TrailFiles.all(dir());
        assertThat(all).contains(Events.encrypt(4, clock.instant()).eventID())
                .doesNotContain(Events.encrypt(2, clock.instant()).eventID());
        VerifyResult r = AuditVerifier.verify(dir());
        assertThat(r.status()).as(r.describe()).isEqualTo(VerifyResult.Status.OK);
        assertThat(r.records()).isEqualTo(2);
    }

    @Test
    void failOpenDropsCountsAndStillReportsUnhealthy() throws IOException {
        AtomicBoolean failing = new AtomicBoolean(true);
        FileAuditSink file = FileAuditSink.open(dir(), dataDir, config, clock, FlakyChannel.opener(failing));
        try (FailOpenAuditSink sink = new FailOpenAuditSink(file)) {
            sink.record(Events.encrypt(1, clock.instant()));
            assertThat(sink.dropped()).isEqualTo(1);
            assertThat(sink.healthy()).isFalse();
            assertThat(sink.health()).contains("1 events dropped");
            failing.set(false);
        }
    }

    @Test
    void crossAccountCallIsWrittenForTheCallerAndTheKeyOwner() throws IOException {
        String ownerKey = "arn:aws:kms:us-east-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        AuditEvent e = Events.base(1, clock.instant()).eventName("Encrypt")
                .resources(List.of(Resource.key(ownerKey, "444455556666")))
                .decision(io.kmsd.audit.Decision.notEvaluated(null)).build();
        try (FileAuditSink sink = open(config)) {
            sink.record(e);
        }
        List<String> lines = TrailFiles.lines(TrailFiles.logs(dir()).get(0));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("\"recipientAccountId\":\"111122223333\"", "sharedEventID");
        assertThat(lines.get(1)).contains("\"recipientAccountId\":\"444455556666\"", "sharedEventID")
                .doesNotContain(e.eventID());
    }

    @Test
    void closedSinkRefusesEvents() throws IOException {
        FileAuditSink sink = open(config);
        sink.close();
        assertThat(sink.healthy()).isFalse();
        assertThatThrownBy(() -> sink.record(Events.encrypt(1, clock.instant())))
                .isInstanceOf(AuditUnavailableException.class);
    }

    @Test
    void disabledAuditIsTheNoopSinkAndWritesNothing() throws IOException {
        AuditSink sink = AuditSinks.open(dataDir, config.withEnabled(false), clock);
        sink.record(Events.encrypt(1, clock.instant()));
        assertThat(sink).isSameAs(NoopAuditSink.INSTANCE);
        assertThat(Files.exists(dir())).isFalse();
    }

    @Test
    void failOpenConfigurationWrapsTheFileSink() throws IOException {
        try (AuditSink sink = AuditSinks.open(dataDir, config.withFailClosed(false), clock)) {
            assertThat(sink).isInstanceOf(FailOpenAuditSink.class);
        }
    }

    @Test
    void signingKeyIsCreatedOwnerOnlyBesideThePublicKey() throws IOException {
        open(config).close();
        Path key = dataDir.resolve("audit-signing.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(Files.readString(dataDir.resolve("audit-signing.pub"), StandardCharsets.US_ASCII)).isNotBlank();
    }
}
