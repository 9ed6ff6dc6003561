package io.kmsd.api.config;

import com.codahale.metrics.Gauge;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.DataSizeUnit;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDataSize;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDataSize;
import io.dropwizard.validation.MinDuration;
import io.kmsd.api.audit.AuditEvents;
import io.kmsd.api.audit.AuditTrail;
import io.kmsd.api.audit.KeyStates;
import io.kmsd.api.health.AuditHealthCheck;
import io.kmsd.api.protocol.AuditHook;
import io.kmsd.audit.AuditConfig;
import io.kmsd.audit.AuditSink;
import io.kmsd.audit.sink.AuditSinks;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * {@code kms.audit} (issue 5): the trail in {@code <dataDir>/audit}, on by default. {@code failClosed} (default
 * true) refuses requests whose event cannot be written; false serves them and drops the event (logged, counted,
 * health check red). Files rotate at {@code maxFileSize} or {@code maxFileAge}; a signed digest is written every
 * {@code digestEvery} records or {@code digestInterval}; {@code maxBatch} bounds one group commit.
 * {@code enabled: false} is for benchmarks and throwaway test servers only.
 */
public class AuditFactory {
    private boolean enabled = true;

    private boolean failClosed = true;

    @NotNull
    @MinDataSize(value = 4, unit = DataSizeUnit.KIBIBYTES)
    @MaxDataSize(value = 1, unit = DataSizeUnit.GIBIBYTES)
    private DataSize maxFileSize = DataSize.mebibytes(64);

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    @MaxDuration(value = 31, unit = TimeUnit.DAYS)
    private Duration maxFileAge = Duration.hours(1);

    @Min(1)
    @Max(10_000_000)
    private int digestEvery = 10_000;

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    @MaxDuration(value = 1, unit = TimeUnit.DAYS)
    private Duration digestInterval = Duration.minutes(5);

    @Min(1)
    @Max(65_536)
    private int maxBatch = 4096;

    @JsonProperty
    public boolean isEnabled() {
        return enabled;
    }

    @JsonProperty
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @JsonProperty
    public boolean isFailClosed() {
        return failClosed;
    }

    @JsonProperty
    public void setFailClosed(boolean failClosed) {
        this.failClosed = failClosed;
    }

    @JsonProperty
    public DataSize getMaxFileSize() {
        return maxFileSize;
    }

    @JsonProperty
    public void setMaxFileSize(DataSize maxFileSize) {
        this.maxFileSize = maxFileSize;
    }

    @JsonProperty
    public Duration getMaxFileAge() {
        return maxFileAge;
    }

    @JsonProperty
    public void setMaxFileAge(Duration maxFileAge) {
        this.maxFileAge = maxFileAge;
    }

    @JsonProperty
    public int getDigestEvery() {
        return digestEvery;
    }

    @JsonProperty
    public void setDigestEvery(int digestEvery) {
        this.digestEvery = digestEvery;
    }

    @JsonProperty
    public Duration getDigestInterval() {
        return digestInterval;
    }

    @JsonProperty
    public void setDigestInterval(Duration digestInterval) {
        this.digestInterval = digestInterval;
    }

    @JsonProperty
    public int getMaxBatch() {
        return maxBatch;
    }

    @JsonProperty
    public void setMaxBatch(int maxBatch) {
        this.maxBatch = maxBatch;
    }

    /** The library's settings. */
    public AuditConfig config() {
        return new AuditConfig(enabled, failClosed, maxFileSize.toBytes(), maxFileAge.toJavaDuration(), digestEvery,
                digestInterval.toJavaDuration(), maxBatch);
    }

    /**
     * Opens the trail under {@code dataDir/audit} (continuing its chain), closes it when the server stops (after
     * the last request), registers the {@code audit} health check, and returns the hook ({@link AuditHook#NONE}
     * when disabled).
     */
    public AuditHook build(Environment env, Path dataDir, Clock clock, KeyStates states) throws IOException {
        AuditSink sink = AuditSinks.open(dataDir, config(), clock);
        env.lifecycle().manage(new Managed() {
            @Override
            public void stop() {
                sink.close();
            }
        });
        env.healthChecks().register("audit", new AuditHealthCheck(sink));
        registerCommitGauges(env, sink);
        return enabled ? new AuditTrail(sink, new AuditEvents(states), clock) : AuditHook.NONE;
    }

    /** {@code kms.audit.records}, {@code .batches} and {@code .forceMillis} (totals): the group commit at work. */
    private static void registerCommitGauges(Environment env, AuditSink sink) {
        env.metrics().register("kms.audit.records", (Gauge<Long>) () -> sink.stats().records());
        env.metrics().register("kms.audit.batches", (Gauge<Long>) () -> sink.stats().batches());
        env.metrics().register("kms.audit.forceMillis", (Gauge<Long>) () -> sink.stats().forceNanos() / 1_000_000);
    }
}
