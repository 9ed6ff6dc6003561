package io.kmsd.audit;

import java.time.Duration;

/**
 * Audit settings ({@code kms.audit.*} in the server YAML; kms-api maps its factory onto this).
 *
 * @param enabled            false: {@link NoopAuditSink} (benchmarks only)
 * @param failClosed         true: a request whose event cannot be written is refused (Vault's rule);
 *                           false: the event is dropped, logged and counted, and the request goes on
 * @param maxFileBytes       rotate the log file when it would grow past this
 * @param maxFileAge         rotate the log file when it is older than this
 * @param digestEveryRecords write a signed digest after this many new records
 * @param digestInterval     ... or when new records are older than this
 * @param maxBatch           most events written (and forced) together in one group commit
 */
public record AuditConfig(boolean enabled, boolean failClosed, long maxFileBytes, Duration maxFileAge,
        int digestEveryRecords, Duration digestInterval, int maxBatch) {

    public AuditConfig {
        if (maxFileBytes < 4096) {
            throw new IllegalArgumentException("audit maxFileBytes must be at least 4096");
        }
        requirePositive(maxFileAge, "maxFileAge");
        requirePositive(digestInterval, "digestInterval");
        if (digestEveryRecords < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("audit digestEveryRecords and maxBatch must be at least 1");
        }
    }

    public static AuditConfig defaults() {
        return new AuditConfig(true, true, 64L << 20, Duration.ofHours(1), 10_000, Duration.ofMinutes(5), 4096);
    }

    public AuditConfig withEnabled(boolean value) {
        return new AuditConfig(value, failClosed, maxFileBytes, maxFileAge, digestEveryRecords, digestInterval,
                maxBatch);
    }

    public AuditConfig withFailClosed(boolean value) {
        return new AuditConfig(enabled, value, maxFileBytes, maxFileAge, digestEveryRecords, digestInterval,
                maxBatch);
    }

    public AuditConfig withRotation(long bytes, Duration age) {
        return new AuditConfig(enabled, failClosed, bytes, age, digestEveryRecords, digestInterval, maxBatch);
    }

    public AuditConfig withDigests(int everyRecords, Duration interval) {
        return new AuditConfig(enabled, failClosed, maxFileBytes, maxFileAge, everyRecords, interval, maxBatch);
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("audit " + name + " must be positive");
        }
    }
}
