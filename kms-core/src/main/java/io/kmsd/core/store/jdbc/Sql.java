package io.kmsd.core.store.jdbc;

import io.kmsd.core.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small helpers over one JDBC connection: bind parameters, map rows, wrap SQLExceptions. */
final class Sql {
    /** A typed SQL NULL parameter (drivers differ on untyped nulls). */
    record Null(int sqlType) {
        static final Null BIGINT = new Null(Types.BIGINT);
        static final Null INTEGER = new Null(Types.INTEGER);
        static final Null VARCHAR = new Null(Types.VARCHAR);
    }

    /** Maps the current row. */
    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final Connection connection;

    Sql(Connection connection) {
        this.connection = connection;
    }

    <T> List<T> list(String sql, Row<T> row, Object... params) {
        try (PreparedStatement ps = prepare(sql, params); ResultSet rs = ps.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(row.map(rs));
            }
            return out;
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    <T> Optional<T> one(String sql, Row<T> row, Object... params) {
        List<T> rows = list(sql, row, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    int update(String sql, Object... params) {
        try (PreparedStatement ps = prepare(sql, params)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /**
     * Runs an INSERT; false if it violated a unique or primary key (SQLState 23505 on H2 and PostgreSQL).
     * A savepoint keeps the transaction usable afterwards (PostgreSQL aborts it on any error otherwise).
     */
    boolean insertUnique(String sql, Object... params) {
        try {
            Savepoint savepoint = connection.setSavepoint();
            try (PreparedStatement ps = prepare(sql, params)) {
                ps.executeUpdate();
                connection.releaseSavepoint(savepoint);
                return true;
            } catch (SQLException e) {
                if (!"23505".equals(e.getSQLState())) {
                    throw e;
                }
                connection.rollback(savepoint);
                return false;
            }
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    private PreparedStatement prepare(String sql, Object... params) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < params.length; i++) {
                bind(ps, i + 1, params[i]);
            }
            return ps;
        } catch (SQLException e) {
            ps.close();
            throw e;
        }
    }

    private static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value instanceof Null n) {
            ps.setNull(index, n.sqlType());
        } else if (value instanceof byte[] bytes) {
            ps.setBytes(index, bytes);
        } else {
            ps.setObject(index, value);
        }
    }

    static StoreException failed(String sql, SQLException e) {
        String verb = sql.strip().split("\\s+", 2)[0];
        return new StoreException("database " + verb + " failed: " + e.getMessage(), e);
    }
}
