package io.kmsd.core.lifecycle;

import static io.kmsd.core.testing.Ids.ACCOUNT;
import static io.kmsd.core.testing.Ids.REGION;
import static io.kmsd.core.testing.Ids.alias;
import static io.kmsd.core.testing.KmsAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmsd.core.KeyService;
import io.kmsd.core.NewKey;
import io.kmsd.core.crypto.EncryptionContext;
import io.kmsd.core.crypto.FileRootKeyProvider;
import io.kmsd.core.crypto.MaterialVault;
import io.kmsd.core.crypto.Plaintext;
import io.kmsd.core.error.KmsError;
import io.kmsd.core.key.KeyArn;
import io.kmsd.core.key.KeyState;
import io.kmsd.core.store.KeyStore;
import io.kmsd.core.store.StoreException;
import io.kmsd.core.store.jdbc.DataSources;
import io.kmsd.core.store.jdbc.JdbcKeyStore;
import io.kmsd.core.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cache: no database read per request on an unchanged key; this node's writes are seen at once;
 * another node's writes after the refresh interval; a database outage does not stop crypto on cached keys.
 */
class KeyCacheTest {
    private static final Duration REFRESH = Duration.ofSeconds(5);
    private static final EncryptionContext CTX = EncryptionContext.of(Map.of("a", "b"));

    private final MutableClock clock = MutableClock.at("2030-01-01T00:00:00Z");
    @TempDir
    Path dataDir;
    private JdbcConnectionPool pool;
    private CountingStore storeA;
    private CountingStore storeB;
    private KeyService nodeA;
    private KeyService nodeB;

    /** Counts transactions and can pretend the database is down. */
    static final class CountingStore implements KeyStore {
        final AtomicInteger reads = new AtomicInteger();
        final AtomicInteger writes = new AtomicInteger();
        volatile boolean down;
        private final KeyStore inner;

        CountingStore(KeyStore inner) {
            this.inner = inner;
        }

        @Override
        public <T> T write(Work<T> work) {
            writes.incrementAndGet();
            requireUp();
            return inner.write(work);
        }

        @Override
        public <T> T read(Work<T> work) {
            reads.incrementAndGet();
            requireUp();
            return inner.read(work);
        }

        @Override
        public boolean reachable() {
            return !down && inner.reachable();
        }

        private void requireUp() {
            if (down) {
                throw new StoreException("database down (test)", null);
            }
        }
    }

    @BeforeEach
    void twoNodesOnOneDatabase() {
        pool = DataSources.h2File(dataDir);
        MaterialVault vault = new MaterialVault(FileRootKeyProvider.open(dataDir.resolve("root.key")));
        storeA = new CountingStore(JdbcKeyStore.migrated(pool));
        storeB = new CountingStore(new JdbcKeyStore(pool));
        nodeA = new DefaultKeyService(storeA, vault, clock, REFRESH, true);
        nodeB = new DefaultKeyService(storeB, vault, clock, REFRESH, true);
    }

    @AfterEach
    void close() {
        pool.dispose();
    }

    private byte[] encrypt(KeyService node, KeyArn key) {
        return node.encrypt(key, Plaintext.of(new byte[] {1, 2, 3}), CTX).ciphertextBlob();
    }

    @Test
    void cryptoOnACachedKeyReadsNothing() {
        KeyArn key = nodeA.createKey(NewKey.symmetric(ACCOUNT, REGION)).arn();
        nodeA.createAlias(alias("alias/hot"), key);
        nodeA.resolve("alias/hot", ACCOUNT, REGION, true);
        byte[] blob = encrypt(nodeA, key);
        nodeA.keyOfCiphertext(blob, REGION);
        storeA.reads.set(0);
        for (int i = 0; i < 1000; i++) {
            KeyArn resolved = nodeA.resolve("alias/hot", ACCOUNT, REGION, true).arn();
            nodeA.facts(resolved);
            nodeA.decrypt(nodeA.keyOfCiphertext(encrypt(nodeA, resolved), REGION).orElseThrow(), blob, CTX);
            nodeA.generateDataKey(resolved, 32, CTX);
        }
        assertThat(storeA.reads).hasValue(0);
        assertThat(storeA.writes).hasValue(2);
    }

    @Test
    void anUnchangedKeyCostsOneSmallReadPerRefreshInterval() {
        KeyArn key = nodeA.createKey(NewKey.symmetric(ACCOUNT, REGION)).arn();
        storeA.reads.set(0);
        clock.advance(REFRESH);
        for (int i = 0; i < 100; i++) {
            encrypt(nodeA, key);
        }
        assertThat(storeA.reads).hasValue(1);
    }

    @Test
    void ownWritesAreSeenAtOnce() {
        KeyArn key = nodeA.createKey(NewKey.symmetric(ACCOUNT, REGION)).arn();
        encrypt(nodeA, key);
        nodeA.disable(key);
        assertFails(() -> encrypt(nodeA, key), KmsError.Disabled, key + " is disabled.");
        nodeA.createAlias(alias("alias/now"), key);
        assertThat(nodeA.facts(key).aliases()).hasSize(1);
        assertThat(nodeA.resolve("alias/now", ACCOUNT, REGION, true).arn()).isEqualTo(key);
    }

    @Test
    void anotherNodesDisableIsSeenAfterTheRefreshInterval() {
        KeyArn key = nodeA.createKey(NewKey.symmetric(ACCOUNT, REGION)).arn();
        encrypt(nodeB, key);
        nodeA.disable(key);
        encrypt(nodeB, key); // still within the interval: eventual consistency, as in AWS
        clock.advance(REFRESH);
        assertFails(() -> encrypt(nodeB, key), KmsError.Disabled, key + " is disabled.");
        assertThat(nodeB.describe(key).keyState()).isEqualTo(KeyState.Disabled);
    }

    @Test
    void anotherNodesAliasMoveIsSeenAfterTheRefreshInterval() {
        KeyArn first = nodeA.createKey(NewKey.symmetric(ACCOUNT, REGION)).arn();
        KeyArn second = nodeA.createKey(NewKey.symmetric(ACCOUNT, REGION)).arn();
        nodeA.createAlias(alias("alias/moving"), first);
        assertThat(nodeB.resolve("alias/moving", ACCOUNT, REGION, true).arn()).isEqualTo(first);
        nodeA.updateAlias(alias("alias/moving"), second);
        clock.advance(REFRESH);
        assertThat(nodeB.resolve("alias/moving", ACCOUNT, REGION, true).arn()).isEqualTo(second);
        assertThat(nodeB.facts(second).aliases()).hasSize(1);
        assertThat(nodeB.facts(first).aliases()).isEmpty();
    }

    @Test
    void anotherNodesDeletionIsSeenAfterTheRefreshInterval() {
        KeyArn key = nodeA.createKey(NewKey.symmetric(ACCOUNT, REGION)).arn();
        nodeB.describe(key);
        nodeA.disable(key);
        nodeA.scheduleDeletion(key, 7);
        clock.advance(Duration.ofDays(7));
        assertThat(nodeA.purgeExpiredDeletions()).isEqualTo(1);
        assertFails(() -> nodeB.describe(key), KmsError.NotFound, "Key '" + key + "' does not exist");
    }

    @Test
    void writesOnAStaleNodeAreCheckedAgainstTheDatabase() {
        KeyArn key = nodeA.createKey(NewKey.symmetric(ACCOUNT, REGION)).arn();
        nodeB.describe(key); // node B caches Enabled
        nodeA.disable(key);
        nodeB.scheduleDeletion(key, 7); // B's cache says Enabled, the locked row says Disabled: allowed
        assertThat(nodeA.describe(key).keyState()).isEqualTo(KeyState.Disabled); // A has not refreshed yet
        clock.advance(REFRESH);
        assertThat(nodeA.describe(key).keyState()).isEqualTo(KeyState.PendingDeletion);
    }

    @Test
    void cachedKeysKeepWorkingWhileTheDatabaseIsDown() {
        KeyArn key = nodeA.createKey(NewKey.symmetric(ACCOUNT, REGION)).arn();
        byte[] blob = encrypt(nodeA, key);
        storeA.down = true;
        clock.advance(REFRESH);
        assertThat(nodeA.decrypt(key, blob, CTX).plaintext().bytes()).containsExactly(1, 2, 3);
        assertThat(encrypt(nodeA, key)).isNotEmpty();
        storeA.down = false;
        nodeA.disable(key);
        assertFails(() -> encrypt(nodeA, key), KmsError.Disabled, key + " is disabled.");
    }
}
