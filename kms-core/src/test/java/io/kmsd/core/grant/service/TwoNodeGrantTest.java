package io.kmsd.core.grant.service;

import static io.kmsd.core.grant.GrantOperation.Decrypt;
import static io.kmsd.core.grant.GrantOperation.Encrypt;
import static io.kmsd.core.testing.Ids.ACCOUNT;
import static io.kmsd.core.testing.Ids.REGION;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmsd.core.Core;
import io.kmsd.core.CoreConfig;
import io.kmsd.core.CreatedGrant;
import io.kmsd.core.GrantView;
import io.kmsd.core.NewGrant;
import io.kmsd.core.NewKey;
import io.kmsd.core.crypto.FileRootKeyProvider;
import io.kmsd.core.grant.Grant;
import io.kmsd.core.grant.GrantName;
import io.kmsd.core.grant.GrantPrincipal;
import io.kmsd.core.grant.GrantState;
import io.kmsd.core.key.KeyArn;
import io.kmsd.core.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes on ONE PostgreSQL, each with its own clock and a one-hour refresh interval (DESIGN "Grants and grant
 * tokens across nodes", key-policy-semantics E15): grants reach the other node when it refreshes, tokens at
 * once; an ended grant's token is refused once the node knows of the end. Refreshes are driven by the clocks.
 */
class TwoNodeGrantTest {
    private static final Duration REFRESH = Duration.ofHours(1);
    private static final GrantPrincipal ALICE = new GrantPrincipal("arn:aws:iam::111122223333:user/alice");

    @TempDir
    Path dir;
    private final MutableClock clockA = MutableClock.at("2030-01-01T00:00:00Z");
    private final MutableClock clockB = MutableClock.at("2030-01-01T00:00:00Z");
    private Core a;
    private Core b;
    private KeyArn key;

    private CoreConfig node(MutableClock clock) {
        return CoreConfig.builder().dataSource(SharedPostgres.dataSource())
                .rootKey(FileRootKeyProvider.open(dir.resolve("root.key"))).clock(clock)
                .cacheRefreshInterval(REFRESH).build();
    }

    @BeforeEach
    void startTwoNodes() throws Exception {
        SharedPostgres.dropAll();
        a = Core.start(node(clockA));
        b = Core.start(node(clockB));
        key = a.keys().createKey(NewKey.symmetric(ACCOUNT, REGION)).arn();
        assertThat(b.grants().activeGrantsFor(key)).isEmpty(); // B now caches "no grants" for the key
    }

    @AfterEach
    void stopNodes() {
        a.close();
        b.close();
    }

    private CreatedGrant createOnA() {
        return a.grants().create(NewGrant.of(key, ALICE, Set.of(Encrypt, Decrypt)));
    }

    private GrantView seenByToken(Core node, CreatedGrant created) {
        List<GrantView> views = node.grants().grantsForRequest(key, List.of(created.grantToken()));
        assertThat(views).hasSize(1);
        return views.get(0);
    }

    @Test
    void aGrantCreatedOnAReachesBWhenBRefreshesButItsTokenWorksOnBAtOnce() {
        CreatedGrant created = createOnA();
        assertThat(a.grants().activeGrantsFor(key)).extracting(Grant::grantId).containsExactly(created.grantId());
        assertThat(b.grants().activeGrantsFor(key)).isEmpty();
        assertThat(b.grants().grantsForRequest(key, List.of())).isEmpty();
        GrantView byToken = seenByToken(b, created);
        assertThat(byToken.propagated()).isFalse();
        assertThat(byToken.grant().state()).isEqualTo(GrantState.ACTIVE);
        assertThat(byToken.grant().grantId()).isEqualTo(created.grantId());

        clockB.advance(REFRESH);
        assertThat(b.grants().activeGrantsFor(key)).extracting(Grant::grantId).containsExactly(created.grantId());
        assertThat(seenByToken(b, created).propagated()).isTrue();
    }

    @Test
    void afterARevokeOnABRefusesTheTokenOnceItHasRefreshed() {
        CreatedGrant created = createOnA();
        clockB.advance(REFRESH);
        assertThat(b.grants().activeGrantsFor(key)).hasSize(1);

        a.grants().revoke(key, created.grantId());
        assertThat(a.grants().activeGrantsFor(key)).isEmpty(); // A knows at once
        assertThat(seenByToken(a, created).grant().state()).isEqualTo(GrantState.REVOKED);
        assertThat(b.grants().activeGrantsFor(key)).hasSize(1); // B does not, until it refreshes

        clockB.advance(REFRESH);
        assertThat(b.grants().activeGrantsFor(key)).isEmpty();
        GrantView byToken = seenByToken(b, created);
        assertThat(byToken.grant().state()).isEqualTo(GrantState.REVOKED);
        assertThat(byToken.propagated()).isFalse();
    }

    @Test
    void aGrantEndedBeforeBSawItCountsOnBByTokenOnlyUntilBRefreshes() {
        CreatedGrant created = createOnA();
        a.grants().retire(key, created.grantId());
        assertThat(seenByToken(b, created).grant().state()).isEqualTo(GrantState.ACTIVE); // B cannot know yet
        clockB.advance(REFRESH);
        assertThat(seenByToken(b, created).grant().state()).isEqualTo(GrantState.RETIRED);
    }

    @Test
    void listingsAndChangesGoToTheDatabaseSoTheyAreCurrentOnEveryNode() {
        CreatedGrant created = createOnA();
        assertThat(b.grants().list(key, Optional.empty(), Optional.empty(), 50, null).items())
                .extracting(Grant::grantId).containsExactly(created.grantId());
        b.grants().revoke(key, created.grantId()); // B may revoke what it has not cached yet
        assertThat(a.grants().list(key, Optional.empty(), Optional.empty(), 50, null).items()).isEmpty();
    }

    @Test
    void aRepeatedNamedCreateOnTheOtherNodeReturnsTheSameGrantAndTokensWorkEverywhere() {
        NewGrant named = NewGrant.of(key, ALICE, Set.of(Encrypt)).withName(new GrantName("app"));
        CreatedGrant onA = a.grants().create(named);
        CreatedGrant onB = b.grants().create(named);
        assertThat(onB.grantId()).isEqualTo(onA.grantId());
        assertThat(a.grants().decodeToken(onB.grantToken()).grant().grantId()).isEqualTo(onA.grantId());
        assertThat(b.grants().decodeToken(onA.grantToken()).grant().grantId()).isEqualTo(onA.grantId());
    }

    @Test
    void aKeyDeletedOnALosesItsGrantsOnBAfterTheRefresh() {
        createOnA();
        clockB.advance(REFRESH);
        assertThat(b.grants().activeGrantsFor(key)).hasSize(1);
        a.keys().disable(key);
        a.keys().scheduleDeletion(key, 7);
        clockA.advance(Duration.ofDays(7));
        assertThat(a.keys().purgeExpiredDeletions()).isEqualTo(1);
        clockB.advance(REFRESH);
        assertThat(b.grants().activeGrantsFor(key)).isEmpty();
    }
}
