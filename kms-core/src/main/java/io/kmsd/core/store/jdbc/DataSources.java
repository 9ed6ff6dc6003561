package io.kmsd.core.store.jdbc;

import java.nio.file.Path;
import org.h2.jdbcx.JdbcConnectionPool;

/** The data sources core can create itself; production PostgreSQL comes pooled from the caller. */
public final class DataSources {
    private DataSources() {
    }

    /**
     * The embedded default: H2 file database {@code <dataDir>/kms}.
     *
     * <p>Durability: {@code WRITE_DELAY=0}. H2 2.x maps WRITE_DELAY onto the MVStore auto-commit delay, and
     * with a delay of 0 {@code TransactionStore.endTransaction} calls {@code MVStore.commit()} for every
     * transaction that changed data, so the chunk is written to the file before COMMIT returns. With the
     * default (500 ms) commits are only written by a background thread and a kill -9 loses the last ones.
     * The write reaches the OS, so a killed process loses nothing; it is not fsynced, so a power cut may.
     * {@code DurabilityTest} kills a real JVM to prove it.
     */
    public static JdbcConnectionPool h2File(Path dataDir) {
        String url = h2Url(dataDir);
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        pool.setMaxConnections(16);
        return pool;
    }

    public static String h2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("kms") + ";WRITE_DELAY=0";
    }
}
