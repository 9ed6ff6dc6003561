package io.kmsd.api.protocol;

import com.codahale.metrics.LockFreeExponentiallyDecayingReservoir;
import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import io.kmsd.core.error.KmsError;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * Per-operation metrics on the admin port: {@code kms.<Operation>.requests} (a timer: count, rate and latency of
 * every request) and {@code kms.<Operation>.errors.<ErrorType>} (a meter per error type), plus
 * {@code kms.errors.<ErrorType>} over all operations. Names outside the model count as {@code Unknown}, so a
 * client cannot grow the registry.
 *
 * <p>The timers keep Dropwizard's default forward-decaying sample, lock-free: with the audit trail on, every
 * request's timer is updated on the trail's single writer thread ({@code Dispatcher}), where the default
 * reservoir's read lock showed up in async-profiler.
 */
public final class OperationMetrics {
    private final MetricRegistry registry;
    private final ConcurrentMap<String, Timer> timers = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Meter> meters = new ConcurrentHashMap<>();

    public OperationMetrics(MetricRegistry registry) {
        this.registry = registry;
    }

    public void record(String operation, long startNanos, KmsError error) {
        String op = OperationTable.MODEL_OPERATIONS.contains(operation) ? operation : "Unknown";
        timers.computeIfAbsent(op, o -> registry.timer(MetricRegistry.name("kms", o, "requests"),
                        OperationMetrics::timer))
                .update(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
        if (error != null) {
            meter(MetricRegistry.name("kms", op, "errors", error.wireName())).mark();
            meter(MetricRegistry.name("kms", "errors", error.wireName())).mark();
        }
    }

    private static Timer timer() {
        return new Timer(LockFreeExponentiallyDecayingReservoir.builder().build());
    }

    private Meter meter(String name) {
        return meters.computeIfAbsent(name, registry::meter);
    }
}
