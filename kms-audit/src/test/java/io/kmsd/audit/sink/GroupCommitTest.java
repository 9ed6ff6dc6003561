package io.kmsd.audit.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.kmsd.audit.AuditConfig;
import io.kmsd.audit.CommitStats;
import io.kmsd.audit.testing.Events;
import io.kmsd.audit.testing.MutableClock;
import io.kmsd.audit.verify.AuditVerifier;
import io.kmsd.audit.verify.VerifyResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Group commit (issue 5, audit cost): events that arrive while the writer is inside a force are all written and
 * forced together once that force ends — one force per batch, never one per event — and none of their callers
 * returns before that force.
 */
class GroupCommitTest {
    @TempDir
    Path dataDir;
    final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));

    @Test
    void eventsQueuedDuringAForceShareTheNextForce() throws Exception {
        CountDownLatch inFirstForce = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger forces = new AtomicInteger();
        Runnable gate = () -> {
            if (forces.incrementAndGet() == 1) {
                inFirstForce.countDown();
                awaitQuietly(release);
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(11);
        Path dir = AuditSinks.auditDir(dataDir);
        try (FileAuditSink sink = FileAuditSink.open(dir, dataDir, AuditConfig.defaults(), clock,
                FlakyChannel.opener(new AtomicBoolean(), gate))) {
            Future<?> first = pool.submit(() -> sink.record(Events.encrypt(0, clock.instant())));
            assertThat(inFirstForce.await(10, TimeUnit.SECONDS)).isTrue();
            List<Future<?>> rest = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                int n = i;
                rest.add(pool.submit(() -> sink.record(Events.encrypt(n, clock.instant()))));
            }
            awaitPending(sink, 10);
            assertThat(first.isDone()).as("the first caller waits for its force").isFalse();
            assertThat(rest).noneMatch(Future::isDone);
            release.countDown();
            first.get(10, TimeUnit.SECONDS);
            for (Future<?> f : rest) {
                f.get(10, TimeUnit.SECONDS);
            }
            CommitStats stats = sink.stats();
            assertThat(stats.records()).isEqualTo(11);
            assertThat(stats.batches()).isEqualTo(2);
            assertThat(forces).hasValue(2);
        } finally {
            pool.shutdown();
        }
        VerifyResult r = AuditVerifier.verify(dir);
        assertThat(r.status()).as(r.describe()).isEqualTo(VerifyResult.Status.OK);
        assertThat(r.records()).isEqualTo(11);
    }

    private static void awaitPending(FileAuditSink sink, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (sink.pending() < n) {
            assertThat(System.nanoTime()).as("%d events queued in time", n).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
