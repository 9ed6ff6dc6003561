package io.kmsd.core.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The migration runner applies each migration once and records it. */
class MigrationsTest {
    @TempDir
    Path dir;

    @Test
    void migrationsApplyOnceAndAreRecorded() throws Exception {
        JdbcConnectionPool pool = DataSources.h2File(dir);
        try {
            assertThat(Migrations.migrate(pool)).isEqualTo(Migrations.MIGRATIONS.size());
            assertThat(Migrations.migrate(pool)).isZero();
            try (Connection c = pool.getConnection()) {
                assertThat(Migrations.currentVersion(c)).isEqualTo(Migrations.MIGRATIONS.size());
            }
        } finally {
            pool.dispose();
        }
    }

    @Test
    void scriptsSplitOnStatementEndsAndDropComments() {
        assertThat(Migrations.statements("-- c\nCREATE TABLE a (x INT);\n\nCREATE INDEX i\n  ON a (x);\n"))
                .containsExactly("CREATE TABLE a (x INT)", "CREATE INDEX i\n  ON a (x)");
    }

    @Test
    void h2UrlWritesEveryCommitImmediately() {
        assertThat(DataSources.h2Url(dir)).startsWith("jdbc:h2:file:").contains(";WRITE_DELAY=0");
    }
}
