package io.kmsd.core;

import io.kmsd.core.crypto.FileRootKeyProvider;
import io.kmsd.core.crypto.RootKeyProvider;
import io.kmsd.core.store.jdbc.DataSources;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * How to build a {@link Core}: the database, the root key, the clock and the behaviour switches.
 * Build one with {@link #builder()}; {@link Builder#h2(Path)} gives the embedded default.
 */
public final class CoreConfig {
    public static final Duration DEFAULT_REFRESH = Duration.ofSeconds(5);

    private final DataSource dataSource;
    private final AutoCloseable ownedDataSource;
    private final RootKeyProvider rootKey;
    private final Clock clock;
    private final boolean requireDisabledBeforeDeletion;
    private final Duration cacheRefreshInterval;
    private final Duration grantRefreshInterval;
    private final Duration grantPropagationDelay;

    private CoreConfig(Builder b) {
        this.dataSource = Objects.requireNonNull(b.dataSource, "a data source (dataSource or h2) is required");
        this.ownedDataSource = b.ownedDataSource;
        this.rootKey = Objects.requireNonNull(b.rootKey, "a root key provider (rootKey or h2) is required");
        this.clock = b.clock;
        this.requireDisabledBeforeDeletion = b.requireDisabledBeforeDeletion;
        this.cacheRefreshInterval = b.cacheRefreshInterval;
        this.grantRefreshInterval = b.grantRefreshInterval != null ? b.grantRefreshInterval : b.cacheRefreshInterval;
        this.grantPropagationDelay = b.grantPropagationDelay;
    }

    public static Builder builder() {
        return new Builder();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** A pool this config created itself and that {@link Core#close()} must close. */
    Optional<AutoCloseable> ownedDataSource() {
        return Optional.ofNullable(ownedDataSource);
    }

    public RootKeyProvider rootKey() {
        return rootKey;
    }

    public Clock clock() {
        return clock;
    }

    /** This project's rule (kms-api §4.1): an Enabled key must be disabled before scheduling its deletion. */
    public boolean requireDisabledBeforeDeletion() {
        return requireDisabledBeforeDeletion;
    }

    /**
     * How long a cached key, or a key's cached grants, may be used before this node re-reads their version from
     * the database: a change made on another node is seen here after at most this interval.
     */
    public Duration cacheRefreshInterval() {
        return cacheRefreshInterval;
    }

    /**
     * How long a node uses a key's cached grants before checking the database for grant changes made on other
     * nodes; the key cache's interval unless set.
     */
    public Duration grantRefreshInterval() {
        return grantRefreshInterval;
    }

    /**
     * How long a new grant stays invisible to the authorizer (without its token), even on the node that created
     * it; 0 by default. Lets applications test AWS's eventual consistency (key-policy-semantics E15).
     */
    public Duration grantPropagationDelay() {
        return grantPropagationDelay;
    }

    /** Builds a {@link CoreConfig}. */
    public static final class Builder {
        private DataSource dataSource;
        private AutoCloseable ownedDataSource;
        private RootKeyProvider rootKey;
        private Clock clock = Clock.systemUTC();
        private boolean requireDisabledBeforeDeletion = true;
        private Duration cacheRefreshInterval = DEFAULT_REFRESH;
        private Duration grantRefreshInterval;
        private Duration grantPropagationDelay = Duration.ZERO;
        private Path h2DataDir;

        private Builder() {
        }

        /**
         * The embedded default: an H2 file database {@code <dataDir>/kms} and, unless set otherwise, the root
         * key file {@code <dataDir>/root.key} (created 0600 on first start).
         */
        public Builder h2(Path dataDir) {
            this.h2DataDir = Objects.requireNonNull(dataDir);
            this.dataSource = null;
            this.ownedDataSource = null;
            return this;
        }

        /** A database core does not own (for example Dropwizard's pooled PostgreSQL data source). */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource);
            this.ownedDataSource = null;
            this.h2DataDir = null;
            return this;
        }

        public Builder rootKey(RootKeyProvider rootKey) {
            this.rootKey = Objects.requireNonNull(rootKey);
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        public Builder requireDisabledBeforeDeletion(boolean required) {
            this.requireDisabledBeforeDeletion = required;
            return this;
        }

        public Builder cacheRefreshInterval(Duration interval) {
            if (interval.isNegative()) {
                throw new IllegalArgumentException("cache refresh interval must not be negative");
            }
            this.cacheRefreshInterval = interval;
            return this;
        }

        public Builder grantRefreshInterval(Duration interval) {
            if (interval.isNegative()) {
                throw new IllegalArgumentException("grant refresh interval must not be negative");
            }
            this.grantRefreshInterval = interval;
            return this;
        }

        public Builder grantPropagationDelay(Duration delay) {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("grant propagation delay must not be negative");
            }
            this.grantPropagationDelay = delay;
            return this;
        }

        /** Opens the H2 pool and the root key file if {@link #h2} was chosen; fails if the root key is bad. */
        public CoreConfig build() {
            if (h2DataDir != null) {
                if (rootKey == null) {
                    rootKey = FileRootKeyProvider.open(h2DataDir.resolve(FileRootKeyProvider.DEFAULT_FILE_NAME));
                }
                var pool = DataSources.h2File(h2DataDir);
                dataSource = pool;
                ownedDataSource = pool::dispose;
            }
            return new CoreConfig(this);
        }
    }
}
