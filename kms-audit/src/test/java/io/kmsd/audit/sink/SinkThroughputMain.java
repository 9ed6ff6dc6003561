package io.kmsd.audit.sink;

import io.kmsd.audit.AuditConfig;
import io.kmsd.audit.AuditEvent;
import io.kmsd.audit.AuditSink;
import io.kmsd.audit.CommitStats;
import io.kmsd.audit.testing.Events;
import io.kmsd.audit.verify.AuditVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Records/s of the file sink with N concurrent callers (not a test). Each call builds an Encrypt event
 * (as kms-api would), records it and waits for durability. Arguments: [threads=16] [seconds=10].
 * Run: {@code mvn -q -o -pl kms-audit dependency:build-classpath -Dmdep.outputFile=cp.txt}, then
 * {@code java -cp kms-audit/target/test-classes:kms-audit/target/classes:$(cat cp.txt)
 * io.kmsd.audit.sink.SinkThroughputMain 16 10}.
 */
public final class SinkThroughputMain {
    private SinkThroughputMain() {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path data = Files.createTempDirectory("audit-bench");
        try (FileAuditSink sink = FileAuditSink.open(AuditSinks.auditDir(data), data, AuditConfig.defaults(),
                Clock.systemUTC())) {
            run(sink, threads, 2);
            CommitStats before = sink.stats();
            double rate = run(sink, threads, seconds);
            CommitStats after = sink.stats();
            long batches = Math.max(1, after.batches() - before.batches());
            System.out.printf("file sink: %d threads, %d s: %.0f records/s, %.1f records/batch, force %.3f ms%n",
                    threads, seconds, rate, (after.records() - before.records()) / (double) batches,
                    (after.forceNanos() - before.forceNanos()) / 1e6 / batches);
        }
        System.out.println("verify: " + AuditVerifier.verify(AuditSinks.auditDir(data)).describe().lines()
                .findFirst().orElse(""));
        try (var files = Files.walk(data)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    static double run(AuditSink sink, int threads, int seconds) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L; // each worker stops at the end of the window
        AtomicInteger ids = new AtomicInteger();
        LongAdder done = new LongAdder();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                while (System.nanoTime() - end < 0) {
                    AuditEvent e = Events.encrypt(ids.incrementAndGet(), Clock.systemUTC().instant());
                    sink.record(e);
                    done.increment();
                }
            });
            workers.add(w);
            w.start();
        }
        for (Thread w : workers) {
            w.join();
        }
        return done.sum() / ((System.nanoTime() - start) / 1e9);
    }
}
