package io.kmsd.api.bench;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Counts and latencies of one operation, kept by one thread and merged at the end (no sharing while measuring).
 * Latency is recorded for successful requests only, in microseconds; errors are counted by their {@code __type}.
 */
final class OperationStats {
    private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(10);

    private final Histogram latencyMicros = new Histogram(MAX_MICROS, 3);
    private final Map<String, Long> errorsByType = new TreeMap<>();
    private long requests;
    private long errors;

    void success(long nanos) {
        requests++;
        latencyMicros.recordValue(Math.min(MAX_MICROS, Math.max(1, nanos / 1_000)));
    }

    void error(String type) {
        requests++;
        errors++;
        errorsByType.merge(type, 1L, Long::sum);
    }

    void add(OperationStats other) {
        requests += other.requests;
        errors += other.errors;
        latencyMicros.add(other.latencyMicros);
        other.errorsByType.forEach((type, n) -> errorsByType.merge(type, n, Long::sum));
    }

    long requests() {
        return requests;
    }

    long errors() {
        return errors;
    }

    Map<String, Long> errorsByType() {
        return Collections.unmodifiableMap(errorsByType);
    }

    /** Latency of successful requests at a percentile (0-100), in milliseconds; 0 if none succeeded. */
    double percentileMillis(double percentile) {
        return latencyMicros.getTotalCount() == 0 ? 0 : latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    double maxMillis() {
        return latencyMicros.getTotalCount() == 0 ? 0 : latencyMicros.getMaxValue() / 1000.0;
    }
}
