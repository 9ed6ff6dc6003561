package io.kmsd.api.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;

/**
 * One connection's closed loop: send, wait for the response, record, repeat, until the phase ends or this
 * worker's share of the request budget is spent. Requests that start before the warm-up ends are sent but not
 * recorded. Latency is taken with {@link System#nanoTime()} (a monotonic interval, not a time of day); the
 * signature's time of day comes from the injected clock.
 */
final class Worker implements Runnable {
    private final RequestTemplate.Signed request;
    private final HttpConnection connection;
    private final Clock clock;
    private final ObjectMapper json;
    private final PhaseClock phase;
    private final OperationStats stats = new OperationStats();
    private long budget;
    private long lastCompletionNanos;

    /** When the phase's warm-up ends and when it ends, as {@link System#nanoTime()} values. */
    record PhaseClock(long warmupEndNanos, long endNanos) {
    }

    Worker(RequestTemplate.Signed request, HttpConnection connection, PhaseClock phase, long budget, Clock clock,
           ObjectMapper json) {
        this.request = request;
        this.connection = connection;
        this.phase = phase;
        this.budget = budget;
        this.clock = clock;
        this.json = json;
        this.lastCompletionNanos = phase.warmupEndNanos();
    }

    @Override
    public void run() {
        try (connection) {
            while (budget > 0) {
                long start = System.nanoTime();
                if (start - phase.endNanos() >= 0) {
                    return;
                }
                budget--;
                String error = attempt();
                long end = System.nanoTime();
                if (start - phase.warmupEndNanos() >= 0) {
                    record(error, end - start);
                    lastCompletionNanos = end;
                }
            }
        }
    }

    OperationStats stats() {
        return stats;
    }

    long lastCompletionNanos() {
        return lastCompletionNanos;
    }

    /** Null on success, else the error's type. */
    private String attempt() {
        try {
            HttpConnection.Response r = connection.exchange(request.head(clock.millis() / 1000), request.body());
            return r.ok() ? null : ErrorType.of(r, json);
        } catch (IOException e) {
            return ErrorType.of(e);
        }
    }

    private void record(String error, long nanos) {
        if (error == null) {
            stats.success(nanos);
        } else {
            stats.error(error);
        }
    }
}
