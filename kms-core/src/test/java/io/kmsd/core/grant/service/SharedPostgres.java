package io.kmsd.core.grant.service;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * One embedded PostgreSQL for every grant test class of this JVM (started on first use, stopped at JVM exit),
 * emptied by {@link #dropAll} before each test.
 */
final class SharedPostgres {
    private static EmbeddedPostgres postgres;

    private SharedPostgres() {
    }

    static synchronized DataSource dataSource() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    // the JVM is exiting; nothing left to do
                }
            }));
        }
        return postgres.getPostgresDatabase();
    }

    /** Drops every table so that the next Core.start migrates an empty database. */
    static void dropAll() throws SQLException {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String table : List.of("kms_grant", "kms_key_grants", "kms_alias", "kms_key_tag",
                    "kms_key_material", "kms_key_rotation", "kms_key_rotation_event", "kms_import_token",
                    "kms_imported_material", "kms_key", "schema_version")) {
                s.execute("DROP TABLE IF EXISTS " + table);
            }
        }
    }
}
