package io.kmsd.core.store.jdbc;

import io.kmsd.core.grant.store.GrantStore;
import io.kmsd.core.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * {@link GrantStore} over the same JDBC {@link DataSource} as the key store (tables of migration V2). Each work
 * gets its own connection and READ COMMITTED transaction, committed before the method returns.
 */
public final class JdbcGrantStore implements GrantStore {
    private final DataSource dataSource;

    /** The schema must be migrated already (see {@link JdbcKeyStore#migrated}). */
    public JdbcGrantStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public <T> T write(Work<T> work) {
        return inTransaction(work, false);
    }

    @Override
    public <T> T read(Work<T> work) {
        return inTransaction(work, true);
    }

    private <T> T inTransaction(Work<T> work, boolean readOnly) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            try {
                T result = work.run(new JdbcGrantTx(new Sql(c)));
                if (readOnly) {
                    c.rollback();
                } else {
                    c.commit();
                }
                return result;
            } catch (RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("database unavailable: " + e.getMessage(), e);
        }
    }

    private static void rollbackQuietly(Connection c, RuntimeException cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
