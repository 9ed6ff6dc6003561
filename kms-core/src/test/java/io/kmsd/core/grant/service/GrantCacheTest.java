package io.kmsd.core.grant.service;

import static io.kmsd.core.grant.GrantOperation.Encrypt;
import static io.kmsd.core.testing.Ids.ACCOUNT;
import static io.kmsd.core.testing.Ids.REGION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmsd.core.Core;
import io.kmsd.core.CoreConfig;
import io.kmsd.core.CreatedGrant;
import io.kmsd.core.NewGrant;
import io.kmsd.core.NewKey;
import io.kmsd.core.crypto.FileRootKeyProvider;
import io.kmsd.core.grant.GrantPrincipal;
import io.kmsd.core.key.KeyArn;
import io.kmsd.core.store.StoreException;
import io.kmsd.core.store.jdbc.DataSources;
import io.kmsd.core.testing.MutableClock;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grant cache reads nothing while fresh, one version query per refresh interval, and keeps serving its
 * grants when the database is unreachable (STYLE "Performance": nothing read per request if unchanged).
 */
class GrantCacheTest {
    private static final Duration REFRESH = Duration.ofSeconds(5);

    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2030-01-01T00:00:00Z");
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicBoolean down = new AtomicBoolean();
    private JdbcConnectionPool pool;
    private Core core;
    private KeyArn key;
    private CreatedGrant created;

    @BeforeEach
    void start() {
        pool = DataSources.h2File(dir);
        core = Core.start(CoreConfig.builder().dataSource(counting(pool))
                .rootKey(FileRootKeyProvider.open(dir.resolve("root.key"))).clock(clock)
                .cacheRefreshInterval(REFRESH).build());
        key = core.keys().createKey(NewKey.symmetric(ACCOUNT, REGION)).arn();
        created = core.grants().create(NewGrant.of(key, new GrantPrincipal("111122223333"), Set.of(Encrypt)));
    }

    @AfterEach
    void stop() {
        core.close();
        pool.dispose();
    }

    private DataSource counting(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        if (down.get()) {
                            throw new SQLException("database down (test)");
                        }
                        connections.incrementAndGet();
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void freshGrantsAreServedWithoutTouchingTheDatabase() {
        connections.set(0);
        for (int i = 0; i < 1000; i++) {
            assertThat(core.grants().activeGrantsFor(key)).hasSize(1);
            assertThat(core.grants().grantsForRequest(key, List.of(created.grantToken()))).hasSize(1);
        }
        assertThat(connections.get()).isZero();
    }

    @Test
    void afterTheIntervalOneVersionQueryChecksAnUnchangedKey() {
        connections.set(0);
        clock.advance(REFRESH);
        core.grants().activeGrantsFor(key);
        core.grants().activeGrantsFor(key);
        assertThat(connections.get()).isEqualTo(1);
    }

    @Test
    void anUnreachableDatabaseDuringACheckKeepsTheCachedGrants() {
        down.set(true);
        clock.advance(REFRESH);
        assertThat(core.grants().activeGrantsFor(key)).hasSize(1);
        down.set(false);
        clock.advance(REFRESH);
        assertThat(core.grants().activeGrantsFor(key)).hasSize(1);
    }

    @Test
    void aKeyNeverLoadedFailsWhileTheDatabaseIsDown() {
        KeyArn other = core.keys().createKey(NewKey.symmetric(ACCOUNT, REGION)).arn();
        down.set(true);
        assertThatThrownBy(() -> core.grants().activeGrantsFor(other)).isInstanceOf(StoreException.class);
    }
}
