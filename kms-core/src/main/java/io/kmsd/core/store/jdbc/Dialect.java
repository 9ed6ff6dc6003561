package io.kmsd.core.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** The two databases core runs on. The SQL is the same; only a few administrative statements differ. */
enum Dialect {
    H2,
    POSTGRESQL;

    static Dialect of(Connection c) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
        if (product.contains("postgres")) {
            return POSTGRESQL;
        }
        if (product.contains("h2")) {
            return H2;
        }
        throw new SQLException("unsupported database " + product + " (H2 or PostgreSQL)");
    }
}
