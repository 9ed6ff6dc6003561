package io.kmsd.core.store;

import io.kmsd.core.CoreConfig;
import io.kmsd.core.key.KeyArn;
import io.kmsd.core.store.jdbc.DataSources;
import io.kmsd.core.store.jdbc.JdbcKeyStore;
import java.nio.file.Path;
import java.util.List;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.io.TempDir;

/** The storage contract on the embedded H2 file database (a fresh data directory per test). */
class H2KeyStoreContractTest extends KeyStoreContract {
    @TempDir
    Path dataDir;

    @Override
    protected CoreConfig.Builder database() {
        return CoreConfig.builder().h2(dataDir);
    }

    @Override
    protected List<MaterialRecord> storedMaterials(KeyArn arn) {
        core.close();
        JdbcConnectionPool pool = DataSources.h2File(dataDir);
        try {
            return new JdbcKeyStore(pool).read(tx -> tx.materials(arn));
        } finally {
            pool.dispose();
            reopen(true);
        }
    }
}
