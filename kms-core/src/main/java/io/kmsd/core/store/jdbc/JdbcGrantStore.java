package io.kmsd.core.store.jdbc;

import io.kmsd.core.grant.store.GrantStore;
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
        return Transactions.run(dataSource, readOnly, sql -> work.run(new JdbcGrantTx(sql)));
    }
}
