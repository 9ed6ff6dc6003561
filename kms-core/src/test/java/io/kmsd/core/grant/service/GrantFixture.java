package io.kmsd.core.grant.service;

import static io.kmsd.core.testing.Ids.ACCOUNT;
import static io.kmsd.core.testing.Ids.REGION;

import io.kmsd.core.Core;
import io.kmsd.core.CoreConfig;
import io.kmsd.core.GrantService;
import io.kmsd.core.KeyService;
import io.kmsd.core.NewGrant;
import io.kmsd.core.NewKey;
import io.kmsd.core.crypto.RootKeyProvider;
import io.kmsd.core.grant.GrantOperation;
import io.kmsd.core.grant.GrantPrincipal;
import io.kmsd.core.key.AccountId;
import io.kmsd.core.key.KeyArn;
import io.kmsd.core.key.KeyId;
import io.kmsd.core.key.KeySpec;
import io.kmsd.core.key.KeyState;
import io.kmsd.core.key.KeyUsage;
import io.kmsd.core.key.Origin;
import io.kmsd.core.store.KeyRecord;
import io.kmsd.core.store.jdbc.JdbcKeyStore;
import io.kmsd.core.testing.MutableClock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A Core on an empty database (H2 or PostgreSQL, chosen by the subclass) with a clock the test moves, and the
 * keys, principals and raw SQL the grant contracts need.
 */
public abstract class GrantFixture {
    protected static final GrantPrincipal ALICE = new GrantPrincipal("arn:aws:iam::111122223333:user/alice");
    protected static final GrantPrincipal BOB = new GrantPrincipal("arn:aws:iam::444455556666:role/Bob");
    protected static final GrantPrincipal RETIRER = new GrantPrincipal("arn:aws:iam::111122223333:role/Retirer");

    protected final MutableClock clock = MutableClock.at("2030-01-01T00:00:00Z");
    protected Core core;
    protected KeyService keys;
    protected GrantService grants;

    private TestDatabase database;

    /** A new empty database for this test (called once per test). */
    protected abstract TestDatabase openDatabase() throws Exception;

    protected DataSource dataSource() {
        return database.dataSource();
    }

    protected RootKeyProvider rootKey() {
        return database.rootKey();
    }

    protected CoreConfig.Builder config() {
        return CoreConfig.builder().dataSource(dataSource()).rootKey(rootKey()).clock(clock);
    }

    @BeforeEach
    void startCore() throws Exception {
        database = openDatabase();
        core = Core.start(config().build());
        keys = core.keys();
        grants = core.grants();
    }

    @AfterEach
    void stopCore() {
        core.close();
        database.close();
    }

    protected KeyArn symmetricKey() {
        return symmetricKey(ACCOUNT);
    }

    protected KeyArn symmetricKey(AccountId account) {
        return keys.createKey(NewKey.symmetric(account, REGION)).arn();
    }

    /** A key of any spec, written straight to the table (CreateKey supports symmetric keys only so far). */
    protected KeyArn storedKey(KeySpec spec, KeyUsage usage) {
        KeyArn arn = new KeyArn(REGION, ACCOUNT, KeyId.random());
        new JdbcKeyStore(dataSource()).write(tx -> {
            tx.insertKey(new KeyRecord(arn, clock.instant(), "", spec, usage, Origin.AWS_KMS, "CUSTOMER", false,
                    KeyState.Enabled, null, "{}", null, 0));
            return null;
        });
        return arn;
    }

    protected static NewGrant request(KeyArn key, GrantPrincipal grantee, GrantOperation... operations) {
        return NewGrant.of(key, grantee, Set.of(operations));
    }

    protected long count(String sql, Object... params) throws SQLException {
        try (Connection c = dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    protected void execute(String sql, Object... params) throws SQLException {
        try (Connection c = dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }
}
