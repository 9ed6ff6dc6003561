package io.kmsd.api.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Runs one operation for warm-up + duration on every connection at once, and merges what the workers saw. */
final class LoadPhase {
    private final LoadOptions options;
    private final Clock clock;
    private final ObjectMapper json;

    LoadPhase(LoadOptions options, Clock clock, ObjectMapper json) {
        this.options = options;
        this.clock = clock;
        this.json = json;
    }

    /** What one operation measured: merged stats over the measured window ({@code elapsed}). */
    record Result(Operation operation, OperationStats stats, Duration elapsed) {
        double requestsPerSecond() {
            double seconds = elapsed.toNanos() / 1e9;
            return seconds <= 0 ? 0 : stats.requests() / seconds;
        }
    }

    Result run(Operation operation, RequestTemplate template) throws InterruptedException {
        long start = System.nanoTime();
        long warmupEnd = start + options.warmup().toNanos();
        Worker.PhaseClock phase = new Worker.PhaseClock(warmupEnd, warmupEnd + options.duration().toNanos());
        List<Worker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < options.connections(); i++) {
            Worker w = new Worker(template.signer(options.endpoint(), new SigV4Signer(options.credentials(),
                    options.region())), new HttpConnection(options.endpoint(), options.requestTimeout()),
                    phase, options.budgetOf(i), clock, json);
            workers.add(w);
            threads.add(startThread(w, operation, i));
        }
        for (Thread t : threads) {
            t.join(); // bounded: each worker stops at the phase end plus at most one request timeout
        }
        return merge(operation, workers, warmupEnd);
    }

    private static Thread startThread(Worker worker, Operation operation, int index) {
        Thread t = new Thread(worker, "kms-load-" + operation.wireName() + "-" + index);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private Result merge(Operation operation, List<Worker> workers, long warmupEnd) {
        OperationStats total = new OperationStats();
        long last = warmupEnd;
        for (Worker w : workers) {
            total.add(w.stats());
            last = Math.max(last, w.lastCompletionNanos());
        }
        Duration elapsed = Duration.ofNanos(last - warmupEnd);
        return new Result(operation, total, elapsed.isZero() ? options.duration() : elapsed);
    }
}
