package io.kmsd.core.store.jdbc;

import io.kmsd.core.store.KeyStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * {@link KeyStore} over a JDBC {@link DataSource} (H2 or PostgreSQL). Each work gets its own connection and
 * transaction (READ COMMITTED; writers lock the key row), committed before the method returns.
 */
public final class JdbcKeyStore implements KeyStore {
    private final DataSource dataSource;

    public JdbcKeyStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Applies the schema migrations, then returns the store. */
    public static JdbcKeyStore migrated(DataSource dataSource) {
        Migrations.migrate(dataSource);
        return new JdbcKeyStore(dataSource);
    }

    @Override
    public <T> T write(Work<T> work) {
        return inTransaction(work, false);
    }

    @Override
    public <T> T read(Work<T> work) {
        return inTransaction(work, true);
    }

    @Override
    public boolean reachable() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            return s.execute("SELECT 1");
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    private <T> T inTransaction(Work<T> work, boolean readOnly) {
        return Transactions.run(dataSource, readOnly, sql -> work.run(new JdbcTx(sql)));
    }
}
