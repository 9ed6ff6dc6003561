package io.kmsd.core.store;

import io.kmsd.core.CoreConfig;
import io.kmsd.core.crypto.FileRootKeyProvider;
import io.kmsd.core.key.KeyArn;
import io.kmsd.core.store.jdbc.JdbcKeyStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The storage contract on a real PostgreSQL (one embedded server for the class, emptied per test). */
class PostgresKeyStoreContractTest extends KeyStoreContract {
    private static EmbeddedPostgres postgres;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Override
    protected void emptyDatabase() throws SQLException {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String table : List.of("kms_grant", "kms_key_grants", "kms_alias", "kms_key_tag",
                    "kms_key_material", "kms_key_rotation", "kms_key_rotation_event", "kms_import_token",
                    "kms_imported_material", "kms_key")) {
                s.execute("DROP TABLE IF EXISTS " + table);
            }
            s.execute("DROP TABLE IF EXISTS schema_version");
        }
    }

    static DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    @Override
    protected CoreConfig.Builder database() {
        return CoreConfig.builder().dataSource(dataSource())
                .rootKey(FileRootKeyProvider.open(dataDir.resolve("root.key")));
    }

    @Override
    protected List<MaterialRecord> storedMaterials(KeyArn arn) {
        return new JdbcKeyStore(dataSource()).read(tx -> tx.materials(arn));
    }
}
