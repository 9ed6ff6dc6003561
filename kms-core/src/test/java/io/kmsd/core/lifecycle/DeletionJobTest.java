package io.kmsd.core.lifecycle;

import static io.kmsd.core.testing.Ids.ACCOUNT;
import static io.kmsd.core.testing.Ids.OTHER_ACCOUNT;
import static io.kmsd.core.testing.Ids.REGION;
import static io.kmsd.core.testing.Ids.alias;
import static io.kmsd.core.testing.KmsAssertions.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmsd.core.NewKey;
import io.kmsd.core.error.KmsError;
import io.kmsd.core.key.KeyArn;
import io.kmsd.core.key.KeyState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The deletion step driven by the injected clock (kms-api §3.3, §4.1, §6.23). */
class DeletionJobTest extends H2Fixture {

    private KeyArn scheduled(int days) {
        KeyArn arn = keys.createKey(NewKey.symmetric(ACCOUNT, REGION)).arn();
        keys.disable(arn);
        keys.scheduleDeletion(arn, days);
        return arn;
    }

    @Test
    void nothingIsDeletedBeforeItsDate() {
        scheduled(7);
        clock.advance(Duration.ofDays(6));
        assertThat(keys.purgeExpiredDeletions()).isZero();
    }

    @Test
    void eachKeyIsDeletedWhenItsOwnWindowEnds() {
        KeyArn week = scheduled(7);
        KeyArn month = scheduled(30);
        KeyArn kept = keys.createKey(NewKey.symmetric(ACCOUNT, REGION)).arn();
        clock.advance(Duration.ofDays(7));
        assertThat(keys.purgeExpiredDeletions()).isEqualTo(1);
        failure(() -> keys.describe(week), KmsError.NotFound);
        assertThat(keys.describe(month).keyState()).isEqualTo(KeyState.PendingDeletion);
        clock.advance(Duration.ofDays(23));
        assertThat(keys.purgeExpiredDeletions()).isEqualTo(1);
        assertThat(keys.listKeys(ACCOUNT, REGION, 10, null).items()).containsExactly(kept);
    }

    @Test
    void thePurgeNamesExactlyTheKeysItDeleted() { // for their DeleteKey audit events (kms-api §4.1)
        KeyArn first = scheduled(7);
        KeyArn second = scheduled(7);
        KeyArn later = scheduled(8);
        clock.advance(Duration.ofDays(7));
        assertThat(keys.purgeExpiredKeys()).containsExactlyInAnyOrder(first, second);
        assertThat(keys.purgeExpiredKeys()).isEmpty();
        clock.advance(Duration.ofDays(1));
        assertThat(keys.purgeExpiredKeys()).containsExactly(later);
    }

    @Test
    void manyDueKeysAreAllDeletedInOneStep() {
        List<KeyArn> due = new ArrayList<>();
        for (int i = 0; i < 105; i++) {
            due.add(scheduled(7));
        }
        clock.advance(Duration.ofDays(8));
        assertThat(keys.purgeExpiredKeys()).containsExactlyInAnyOrderElementsOf(due);
        assertThat(keys.listKeys(ACCOUNT, REGION, 1000, null).items()).isEmpty();
    }

    @Test
    void deletionTakesTheAliasesWithItAndFreesTheirNames() {
        KeyArn doomed = keys.createKey(NewKey.symmetric(ACCOUNT, REGION)).arn();
        keys.createAlias(alias("alias/reuse"), doomed);
        keys.disable(doomed);
        keys.scheduleDeletion(doomed, 7);
        clock.advance(Duration.ofDays(7));
        keys.purgeExpiredDeletions();
        KeyArn next = keys.createKey(NewKey.symmetric(ACCOUNT, REGION)).arn();
        keys.createAlias(alias("alias/reuse"), next);
        assertThat(keys.resolve("alias/reuse", ACCOUNT, REGION, true).arn()).isEqualTo(next);
    }

    @Test
    void deletionOfOneTenantLeavesOthersAlone() {
        KeyArn theirs = keys.createKey(NewKey.symmetric(OTHER_ACCOUNT, REGION)).arn();
        scheduled(7);
        clock.advance(Duration.ofDays(7));
        assertThat(keys.purgeExpiredDeletions()).isEqualTo(1);
        assertThat(keys.describe(theirs).keyState()).isEqualTo(KeyState.Enabled);
    }

    @Test
    void cancelOfAKeyWithoutMaterialReturnsToPendingImport() {
        // kms-api §4.1 CancelKeyDeletion: PendingImport if no material
        KeyArn external = keys.createKey(new NewKey(ACCOUNT, REGION, null, null, null,
                io.kmsd.core.key.Origin.EXTERNAL, null, null, false)).arn();
        keys.scheduleDeletion(external, 7);
        assertThat(keys.cancelDeletion(external).keyState()).isEqualTo(KeyState.PendingImport);
    }

    @Test
    void pendingDeletionKeysAreStillListed() {
        KeyArn arn = scheduled(7);
        assertThat(keys.listKeys(ACCOUNT, REGION, 10, null).items()).containsExactly(arn);
    }
}
