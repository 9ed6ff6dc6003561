package io.kmsd.core;

/**
 * Builds kms-core from a {@link CoreConfig}: runs the schema migrations, loads the root key, and wires the
 * cache, the store and the key service. Close it to release a database pool it created itself.
 *
 * <pre>
 * Core core = Core.start(CoreConfig.builder().h2(dataDir).build());               // embedded
 * Core core = Core.start(CoreConfig.builder().dataSource(pgDataSource)
 *         .rootKey(FileRootKeyProvider.open(dataDir.resolve("root.key"))).build()); // PostgreSQL
 * KeyService keys = core.keys();
 * </pre>
 */
public final class Core implements AutoCloseable {
    private final CoreConfig config;

    private Core(CoreConfig config) {
        this.config = config;
    }

    public static Core start(CoreConfig config) {
        throw new UnsupportedOperationException("Core.start is not implemented yet");
    }

    public KeyService keys() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public HealthProbe health() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public CoreConfig config() {
        return config;
    }

    @Override
    public void close() {
    }
}
