package io.kmsd.core.grant.service;

import io.kmsd.core.crypto.FileRootKeyProvider;
import io.kmsd.core.crypto.RootKeyProvider;
import io.kmsd.core.store.jdbc.DataSources;
import java.nio.file.Path;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;

/** An empty database for one test, with a root key file beside it; the grant contracts run on both kinds. */
interface TestDatabase extends AutoCloseable {
    DataSource dataSource();

    RootKeyProvider rootKey();

    @Override
    void close();

    /** A fresh H2 file database in {@code dir}. */
    static TestDatabase h2(Path dir) {
        JdbcConnectionPool pool = DataSources.h2File(dir);
        return of(pool, FileRootKeyProvider.open(dir.resolve("root.key")), pool::dispose);
    }

    /** The shared embedded PostgreSQL, emptied. */
    static TestDatabase postgres(Path dir) throws SQLException {
        SharedPostgres.dropAll();
        return of(SharedPostgres.dataSource(), FileRootKeyProvider.open(dir.resolve("root.key")), () -> { });
    }

    private static TestDatabase of(DataSource dataSource, RootKeyProvider root, Runnable close) {
        return new TestDatabase() {
            @Override
            public DataSource dataSource() {
                return dataSource;
            }

            @Override
            public RootKeyProvider rootKey() {
                return root;
            }

            @Override
            public void close() {
                close.run();
            }
        };
    }
}
