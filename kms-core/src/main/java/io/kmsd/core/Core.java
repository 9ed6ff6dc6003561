package io.kmsd.core;

import io.kmsd.core.crypto.MaterialVault;
import io.kmsd.core.grant.service.DefaultGrantService;
import io.kmsd.core.grant.store.GrantStore;
import io.kmsd.core.grant.token.GrantTokens;
import io.kmsd.core.lifecycle.DefaultKeyService;
import io.kmsd.core.store.KeyStore;
import io.kmsd.core.store.jdbc.JdbcGrantStore;
import io.kmsd.core.store.jdbc.JdbcKeyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds kms-core from a {@link CoreConfig}: runs the schema migrations, loads the root key, and wires the
 * store, the cache and the key service. Close it to release a database pool the config created itself.
 *
 * <pre>
 * // embedded H2 under dataDir, root key dataDir/root.key (created 0600 on first start)
 * Core core = Core.start(CoreConfig.builder().h2(dataDir).build());
 * // PostgreSQL (a pooled DataSource, e.g. Dropwizard's), root key file of your choice
 * Core core = Core.start(CoreConfig.builder().dataSource(pgDataSource)
 *         .rootKey(FileRootKeyProvider.open(dataDir.resolve("root.key"))).build());
 * KeyService keys = core.keys();
 * GrantService grants = core.grants();
 * </pre>
 */
public final class Core implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Core.class);

    private final CoreConfig config;
    private final KeyService keys;
    private final GrantService grants;
    private final HealthProbe health;

    private Core(CoreConfig config, KeyStore store, GrantStore grantStore) {
        this.config = config;
        this.keys = new DefaultKeyService(store, new MaterialVault(config.rootKey()), config.clock(),
                config.cacheRefreshInterval(), config.requireDisabledBeforeDeletion());
        this.grants = new DefaultGrantService(grantStore, keys, new GrantTokens(config.rootKey()), config.clock(),
                config.grantRefreshInterval(), config.grantPropagationDelay());
        this.health = new HealthProbe() {
            @Override
            public boolean databaseReachable() {
                return store.reachable();
            }

            @Override
            public boolean rootKeyLoaded() {
                return true; // a Core exists only with a loaded root key
            }
        };
    }

    /** Migrates the schema and builds the service; fails (and closes an owned pool) if that is not possible. */
    public static Core start(CoreConfig config) {
        try {
            KeyStore store = JdbcKeyStore.migrated(config.dataSource());
            LOG.info("kms-core started with {}", config.rootKey().describe());
            return new Core(config, store, new JdbcGrantStore(config.dataSource()));
        } catch (RuntimeException e) {
            closeOwned(config);
            throw e;
        }
    }

    public KeyService keys() {
        return keys;
    }

    public GrantService grants() {
        return grants;
    }

    public HealthProbe health() {
        return health;
    }

    public CoreConfig config() {
        return config;
    }

    @Override
    public void close() {
        closeOwned(config);
    }

    private static void closeOwned(CoreConfig config) {
        config.ownedDataSource().ifPresent(pool -> {
            try {
                pool.close();
            } catch (Exception e) {
                LOG.warn("closing the database pool failed: {}", e.getMessage());
            }
        });
    }
}
