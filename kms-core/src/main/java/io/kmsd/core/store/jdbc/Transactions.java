package io.kmsd.core.store.jdbc;

import io.kmsd.core.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The one way the JDBC stores run a unit of work: READ COMMITTED, committed before returning (so an acknowledged
 * change is durable), rolled back on any failure; read-only work is rolled back as well.
 */
final class Transactions {
    private Transactions() {
    }

    static <T> T run(DataSource dataSource, boolean readOnly, Function<Sql, T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            try {
                T result = work.apply(new Sql(c));
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
