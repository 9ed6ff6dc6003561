package io.kmsd.audit.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmsd.audit.AuditConfig;
import io.kmsd.audit.AuditEvent;
import io.kmsd.audit.AuditUnavailableException;
import io.kmsd.audit.testing.Events;
import io.kmsd.audit.testing.TrailFiles;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * {@link FileAuditSink#submit}: the caller's thread goes free at once, but the stage completes only once the
 * event is forced, and fails (never succeeds) when it could not be.
 */
class SubmitTest extends SinkFixture {
    @Test
    void theStageCompletesOnlyAfterTheForceOnTheWriterThread() throws Exception {
        CountDownLatch inForce = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger forces = new AtomicInteger();
        Runnable gate = () -> {
            if (forces.incrementAndGet() == 1) {
                inForce.countDown();
                await(release);
            }
        };
        AuditEvent e = Events.encrypt(1, clock.instant());
        try (FileAuditSink sink = FileAuditSink.open(dir(), dataDir, AuditConfig.defaults(), clock,
                FlakyChannel.opener(new AtomicBoolean(), gate))) {
            AtomicReference<String> completedOn = new AtomicReference<>();
            CompletableFuture<Void> done = sink.submit(e)
                    .thenRun(() -> completedOn.set(Thread.currentThread().getName())).toCompletableFuture();
            assertThat(inForce.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(done).as("the writer is inside the force").isNotDone();
            release.countDown();
            done.get(10, TimeUnit.SECONDS);
            assertThat(completedOn.get()).isEqualTo("audit-writer");
            assertThat(TrailFiles.all(dir())).contains(e.eventID());
        }
    }

    @Test
    void aFailedForceFailsTheStageWithAuditUnavailable() throws IOException {
        AtomicBoolean failing = new AtomicBoolean(true);
        try (FileAuditSink sink = FileAuditSink.open(dir(), dataDir, AuditConfig.defaults(), clock,
                FlakyChannel.opener(failing))) {
            CompletableFuture<Void> done = sink.submit(Events.encrypt(1, clock.instant())).toCompletableFuture();
            assertThatThrownBy(() -> done.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(AuditUnavailableException.class).hasMessageContaining("No space left");
            assertThat(sink.healthy()).isFalse();
            failing.set(false);
        }
    }

    @Test
    void aClosedSinkFailsTheStageAtOnce() throws IOException {
        FileAuditSink sink = FileAuditSink.open(dir(), dataDir, AuditConfig.defaults(), clock);
        sink.close();
        CompletableFuture<Void> done = sink.submit(Events.encrypt(1, clock.instant())).toCompletableFuture();
        assertThat(done).isCompletedExceptionally();
        assertThatThrownBy(done::join).cause().isInstanceOf(AuditUnavailableException.class);
    }

    @Test
    void failOpenCompletesTheStageAndCountsTheDrop() throws Exception {
        AtomicBoolean failing = new AtomicBoolean(true);
        FileAuditSink file = FileAuditSink.open(dir(), dataDir, AuditConfig.defaults(), clock,
                FlakyChannel.opener(failing));
        try (FailOpenAuditSink sink = new FailOpenAuditSink(file)) {
            sink.submit(Events.encrypt(1, clock.instant())).toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(sink.dropped()).isEqualTo(1);
            assertThat(sink.healthy()).isFalse();
            failing.set(false);
        }
    }

    @Test
    void closingAnswersEveryStageStillWaiting() throws Exception {
        FileAuditSink sink = FileAuditSink.open(dir(), dataDir, AuditConfig.defaults(), clock);
        CompletableFuture<?>[] stages = new CompletableFuture<?>[50];
        for (int i = 0; i < stages.length; i++) {
            stages[i] = sink.submit(Events.encrypt(i + 1, clock.instant())).toCompletableFuture();
        }
        sink.close();
        CompletableFuture.allOf(stages).exceptionally(t -> null).get(10, TimeUnit.SECONDS);
        for (CompletableFuture<?> s : stages) {
            assertThat(s).isDone();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
