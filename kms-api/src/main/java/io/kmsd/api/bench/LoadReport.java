package io.kmsd.api.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Prints a run: the settings, one table row per operation, errors by type, and a one-line summary. */
final class LoadReport {
    private static final String ROW = "%-32s %10s %8s %10s %8s %8s %8s %8s%n";

    private LoadReport() {
    }

    static void header(PrintStream out, LoadOptions o, String keyNote) {
        out.printf(Locale.ROOT, "kms load: %s, %d connections, warmup %s, duration %s per operation, "
                        + "plaintext %d bytes, region %s, access key %s%s%n",
                o.endpoint(), o.connections(), human(o.warmup()), human(o.duration()), o.plaintextBytes(),
                o.region(), o.credentials().accessKeyId(), keyNote);
    }

    static void table(PrintStream out, List<LoadPhase.Result> results) {
        out.printf(Locale.ROOT, ROW, "operation", "requests", "errors", "req/s", "p50 ms", "p90 ms", "p99 ms",
                "max ms");
        for (LoadPhase.Result r : results) {
            OperationStats s = r.stats();
            out.printf(Locale.ROOT, ROW, r.operation().wireName(), s.requests(), s.errors(),
                    fmt("%.1f", r.requestsPerSecond()), ms(s.percentileMillis(50)), ms(s.percentileMillis(90)),
                    ms(s.percentileMillis(99)), ms(s.maxMillis()));
        }
        for (LoadPhase.Result r : results) {
            if (r.stats().errors() > 0) {
                out.printf(Locale.ROOT, "errors %s: %s%n", r.operation().wireName(), errors(r.stats()));
            }
        }
        out.println(summary(results));
    }

    /** {@code summary: Encrypt 12345 req/s p50 1.10 ms p99 3.20 ms 0 errors | ...} on one line. */
    static String summary(List<LoadPhase.Result> results) {
        return "summary: " + results.stream().map(r -> fmt("%s %.0f req/s p50 %s ms p99 %s ms %d errors",
                r.operation().wireName(), r.requestsPerSecond(), ms(r.stats().percentileMillis(50)),
                ms(r.stats().percentileMillis(99)), r.stats().errors())).collect(Collectors.joining(" | "));
    }

    private static String errors(OperationStats s) {
        return s.errorsByType().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String ms(double millis) {
        return fmt("%.2f", millis);
    }

    static String human(java.time.Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    private static String fmt(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
