package io.kmsd.audit.sink;

import io.kmsd.audit.AuditConfig;
import io.kmsd.audit.AuditEvent;
import io.kmsd.audit.AuditJson;
import io.kmsd.audit.AuditSink;
import io.kmsd.audit.AuditUnavailableException;
import io.kmsd.audit.CommitStats;
import io.kmsd.audit.CrossAccountCopies;
import io.kmsd.audit.chain.DigestKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable audit trail: JSON Lines files under the audit directory, hash-chained, with signed digests.
 *
 * <p>Group commit: callers serialize their event on their own thread and enqueue it; one writer thread
 * takes everything queued (up to {@code maxBatch}), writes it, forces the file once and then releases
 * every waiter. A cross-account event is written once per recipient account ({@link CrossAccountCopies}).
 *
 * <p>{@link #submit} lets a request wait for the disk without holding a thread: under {@code ./kms load}, parking
 * and waking one request thread per event cost about 12% of the server's CPU (async-profiler). The writer completes
 * the stages itself, so their dependents (the responses) run on it before the next batch. Handing each batch to a
 * second thread instead, to overlap those writes with the next force, measured worse: 12,023/s against 16,810 and
 * 14,013/s Encrypt with audit on, and 123 against 85-106 µs of server CPU per request (back to back, 75 s warm-up).
 * Also measured worse (kms-api/bench/audit-cost.sh, on/off): each response handed to Jetty's pool, 0.55; a second
 * thread answering one batch while this one forces the next, 0.50; against 0.58-0.60 as is. A faster writer makes
 * smaller batches, and every force costs CPU on the two cores the benchmark shares with its client. For the same
 * reason two trails with a writer each (two forces in flight; the disk serves them in parallel) measured 0.86 of
 * this design's audit-on throughput, with batches of 3.2. Also measured against this design, side by side, and not
 * kept (README, "Audit trail"):
 * <ul>
 *   <li>waiting up to 150 µs before a force for requests inside the dispatcher: 0.79;</li>
 *   <li>this thread at nice -5: 0.93; at nice 4: 0.96;</li>
 *   <li>a request thread forcing the queue itself while this one forces and no request is left running: 1.01.</li>
 * </ul>
 * <p>If a batch cannot be made durable its callers get {@link AuditUnavailableException} and
 * {@link #healthy()} turns false until a later batch succeeds.
 */
public final class FileAuditSink implements AuditSink {
    private static final Logger LOG = LoggerFactory.getLogger(FileAuditSink.class);
    private static final long IDLE_POLL_MILLIS = 250;

    private final BlockingQueue<Work> queue = new LinkedBlockingQueue<>();
    private final Clock clock;
    private final AuditConfig config;
    private final LogWriter log;
    private final DigestWriter digests;
    private final Thread writer;
    private volatile boolean closed;
    private volatile String failure;

    /** Events to write, or (events empty) a digest to write now; done completes when durable. */
    private record Work(List<byte[]> events, CompletableFuture<Void> done, long[] lastSequence) {
        Work(List<byte[]> events) {
            this(events, new CompletableFuture<>(), new long[1]);
        }
    }

    private FileAuditSink(Path auditDir, AuditConfig config, Clock clock, ChannelOpener opener,
            Recovery.State state, java.security.KeyPair keys) {
        this.clock = clock;
        this.config = config;
        this.digests = new DigestWriter(auditDir, keys, config, state);
        this.log = new LogWriter(auditDir, config, opener, digests, state);
        this.writer = new Thread(this::runWriter, "audit-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /**
     * Opens (creating if needed) the trail in {@code auditDir}, continuing the chain after the last intact
     * record; the digest key pair lives in {@code keyDir} (see {@link DigestKeys}).
     */
    public static FileAuditSink open(Path auditDir, Path keyDir, AuditConfig config, Clock clock)
            throws IOException {
        return open(auditDir, keyDir, config, clock, ChannelOpener.FILES);
    }

    static FileAuditSink open(Path auditDir, Path keyDir, AuditConfig config, Clock clock, ChannelOpener opener)
            throws IOException {
        Files.createDirectories(auditDir);
        java.security.KeyPair keys = DigestKeys.loadOrCreate(keyDir);
        Recovery.State state = Recovery.recover(auditDir);
        return new FileAuditSink(auditDir, config, clock, opener, state, keys);
    }

    @Override
    public void record(AuditEvent event) {
        await(enqueue(event));
    }

    @Override
    public CompletionStage<Void> submit(AuditEvent event) {
        try {
            return enqueue(event).done();
        } catch (AuditUnavailableException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private Work enqueue(AuditEvent event) {
        List<AuditEvent> copies = CrossAccountCopies.of(event);
        List<byte[]> lines = new ArrayList<>(copies.size());
        for (AuditEvent copy : copies) {
            lines.add(AuditJson.toBytes(copy));
        }
        return enqueue(new Work(lines));
    }

    /** Writes a digest over everything recorded so far; returns when it is durable. */
    public void checkpoint() {
        await(enqueue(new Work(List.of())));
    }

    @Override
    public boolean healthy() {
        return failure == null && !closed && writer.isAlive();
    }

    @Override
    public String health() {
        if (closed || !writer.isAlive()) {
            return closed ? "audit trail closed" : "audit writer thread died";
        }
        return failure == null ? "audit trail writable" : failure;
    }

    /** Events waiting for the writer (tests wait on it). */
    int pending() {
        return queue.size();
    }

    @Override
    public CommitStats stats() {
        return log.stats();
    }

    @Override
    public void close() {
        closed = true;
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Work enqueue(Work work) {
        if (closed || !writer.isAlive()) {
            throw new AuditUnavailableException("the audit trail is closed", null);
        }
        queue.add(work);
        return work;
    }

    /** Waits for the writer; a writer that has stopped (closed meanwhile) cannot leave a caller hanging. */
    private void await(Work work) {
        while (true) {
            try {
                work.done().get(1, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof AuditUnavailableException u) {
                    throw u;
                }
                throw new AuditUnavailableException("audit event not written: " + e.getCause().getMessage(),
                        e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AuditUnavailableException("interrupted while writing the audit event", e);
            } catch (TimeoutException e) {
                if (!writer.isAlive() && !work.done().isDone()) {
                    throw new AuditUnavailableException("the audit trail is closed", null);
                }
            }
        }
    }

    private void runWriter() {
        try {
            while (!closed || !queue.isEmpty()) {
                Work first = queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first != null) {
                    List<Work> batch = new ArrayList<>();
                    batch.add(first);
                    queue.drainTo(batch, config.maxBatch() - 1);
                    writeBatch(batch);
                }
                digestIfDue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            shutdown(); // also after an Error: nothing queued is left waiting
        }
    }

    private void writeBatch(List<Work> batch) {
        List<byte[]> events = new ArrayList<>(batch.size() + 4);
        boolean checkpoint = false;
        for (Work w : batch) {
            events.addAll(w.events());
            w.lastSequence()[0] = log.lastSequence() + events.size();
            checkpoint |= w.events().isEmpty();
        }
        try {
            Instant now = clock.instant();
            log.append(events, now);
            if (checkpoint) {
                digests.write(now);
            }
            failure = null;
            for (Work w : batch) {
                w.done().complete(null);
            }
        } catch (IOException | RuntimeException e) {
            fail(batch, e);
        } catch (Error e) {
            fail(batch, e); // its waiters are answered before the writer thread dies
            throw e;
        }
    }

    /** Events that made it to disk before the failure are acknowledged; the rest fail. */
    private void fail(List<Work> batch, Throwable e) {
        failure = "audit trail cannot be written: " + e;
        LOG.error("audit: {}", failure, e);
        long durable = log.lastSequence();
        AuditUnavailableException refused = new AuditUnavailableException("audit event not written: " + e.getMessage(), e);
        for (Work w : batch) {
            if (!w.events().isEmpty() && w.lastSequence()[0] <= durable) {
                w.done().complete(null);
            } else {
                w.done().completeExceptionally(refused);
            }
        }
    }

    private void digestIfDue() {
        try {
            if (digests.due(clock.instant())) {
                digests.write(clock.instant());
            }
        } catch (IOException | RuntimeException e) {
            failure = "audit digest cannot be written: " + e;
            LOG.error("audit: {}", failure, e);
        }
    }

    private void shutdown() {
        try {
            log.rotate(clock.instant());
            log.close();
        } catch (IOException | RuntimeException e) {
            LOG.error("audit: closing the trail failed", e);
        }
        AuditUnavailableException closedTrail = new AuditUnavailableException("the audit trail is closed", null);
        for (Work w; (w = queue.poll()) != null; ) {
            w.done().completeExceptionally(closedTrail);
        }
    }
}
