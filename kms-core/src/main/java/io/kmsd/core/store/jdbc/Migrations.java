package io.kmsd.core.store.jdbc;

import io.kmsd.core.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * A tiny migration runner: applies {@code db/migration/V<n>__<name>.sql} in order, each once, and records
 * it in {@code schema_version}. New migrations are appended to {@link #MIGRATIONS} (classpath folders
 * cannot be listed portably inside a jar). On PostgreSQL an advisory lock keeps several nodes that start
 * together from migrating twice.
 */
public final class Migrations {
    static final List<String> MIGRATIONS = List.of("V1__init", "V2__grants", "V3__rotation", "V4__import");
    private static final long PG_LOCK_ID = 0x6b6d7364L; // "kmsd"

    private Migrations() {
    }

    /** Applies the missing migrations; returns how many it applied. */
    public static int migrate(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int applied = migrate(c);
                c.commit();
                return applied;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("schema migration failed: " + e.getMessage(), e);
        }
    }

    private static int migrate(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            if (Dialect.of(c) == Dialect.POSTGRESQL) {
                s.execute("SELECT pg_advisory_xact_lock(" + PG_LOCK_ID + ")");
            }
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                    + "name VARCHAR(200) NOT NULL, applied_at BIGINT NOT NULL)");
        }
        int current = currentVersion(c);
        int applied = 0;
        for (int i = current; i < MIGRATIONS.size(); i++) {
            apply(c, i + 1, MIGRATIONS.get(i));
            applied++;
        }
        return applied;
    }

    static int currentVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void apply(Connection c, int version, String name) throws SQLException {
        if (!name.startsWith("V" + version + "__")) {
            throw new IllegalStateException("migration " + name + " is not version " + version);
        }
        try (Statement s = c.createStatement()) {
            for (String sql : statements(read(name))) {
                s.execute(sql);
            }
        }
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)")) {
            p.setInt(1, version);
            p.setString(2, name);
            p.setLong(3, System.currentTimeMillis()); // bookkeeping only, not logic
            p.executeUpdate();
        }
    }

    private static String read(String name) {
        String path = "/db/migration/" + name + ".sql";
        try (InputStream in = Migrations.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing migration resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }

    /** Splits a script on {@code ;} at line ends, dropping {@code --} comment lines. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                out.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }
}
