package io.kmsd.core.store;

import static io.kmsd.core.testing.Ids.ACCOUNT;
import static io.kmsd.core.testing.Ids.OTHER_ACCOUNT;
import static io.kmsd.core.testing.Ids.OTHER_REGION;
import static io.kmsd.core.testing.Ids.REGION;
import static io.kmsd.core.testing.Ids.alias;
import static io.kmsd.core.testing.KmsAssertions.assertFails;
import static io.kmsd.core.testing.KmsAssertions.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmsd.core.AliasEntry;
import io.kmsd.core.Core;
import io.kmsd.core.CoreConfig;
import io.kmsd.core.KeyService;
import io.kmsd.core.NewKey;
import io.kmsd.core.Page;
import io.kmsd.core.alias.AliasArn;
import io.kmsd.core.alias.AliasName;
import io.kmsd.core.crypto.EncryptionContext;
import io.kmsd.core.crypto.Plaintext;
import io.kmsd.core.error.KmsError;
import io.kmsd.core.key.KeyArn;
import io.kmsd.core.key.KeyMetadata;
import io.kmsd.core.key.KeyState;
import io.kmsd.core.key.Tag;
import io.kmsd.core.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The storage contract: every test runs against H2 and against PostgreSQL through the public KeyService,
 * so the same SQL, transactions and durability rules are proven on both databases.
 */
public abstract class KeyStoreContract implements KeyTypesStoreContract, ImportStoreContract {
    protected final MutableClock clock = MutableClock.at("2030-01-01T00:00:00Z");
    protected Core core;
    protected KeyService keys;

    /** A builder on a database that is empty for this test, with a root key that survives {@link #reopen}. */
    protected abstract CoreConfig.Builder database();

    /** Called before each test's first start: make the database empty. */
    protected void emptyDatabase() throws Exception {
    }

    @BeforeEach
    void open() throws Exception {
        emptyDatabase();
        core = Core.start(database().clock(clock).build());
        keys = core.keys();
    }

    @AfterEach
    void close() {
        core.close();
    }

    /** Closes this node and starts a new one on the same database (empty caches). */
    protected void reopen(boolean requireDisabled) {
        core.close();
        core = Core.start(database().clock(clock).requireDisabledBeforeDeletion(requireDisabled).build());
        keys = core.keys();
    }

    @Override
    public KeyService keys() {
        return keys;
    }

    @Override
    public MutableClock clock() {
        return clock;
    }

    @Override
    public void reopenNode() {
        reopen(true);
    }

    private KeyArn newKey() {
        return keys.createKey(NewKey.symmetric(ACCOUNT, REGION)).arn();
    }

    private KeyArn newKey(List<Tag> tags) {
        return keys.createKey(new NewKey(ACCOUNT, REGION, "d", null, null, null, tags, null, false)).arn();
    }

    // ---- create, describe, list

    @Test
    void createdKeyIsDescribedWithItsStoredFields() {
        KeyArn arn = keys.createKey(new NewKey(ACCOUNT, REGION, "payments", null, null, null,
                List.of(new Tag("team", "pay")), "{\"Version\": \"2012-10-17\"}", false)).arn();
        KeyMetadata m = keys.describe(arn);
        assertThat(m.description()).isEqualTo("payments");
        assertThat(m.creationDate()).isEqualTo(clock.instant());
        assertThat(m.keyState()).isEqualTo(KeyState.Enabled);
        assertThat(keys.policy(arn)).isEqualTo("{\"Version\": \"2012-10-17\"}");
        assertThat(keys.facts(arn).tags()).containsExactly(new Tag("team", "pay"));
    }

    @Test
    void describeOfUnknownKeyFails() {
        KeyArn unknown = io.kmsd.core.testing.Ids.unknownKey();
        assertFails(() -> keys.describe(unknown), KmsError.NotFound, "Key '" + unknown + "' does not exist");
    }

    @Test
    void listKeysPagesThroughEveryKeyOnceInOrder() {
        List<KeyArn> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(newKey());
        }
        List<KeyArn> seen = new ArrayList<>();
        String marker = null;
        int pages = 0;
        do {
            Page<KeyArn> page = keys.listKeys(ACCOUNT, REGION, 2, marker);
            seen.addAll(page.items());
            marker = page.nextMarker().orElse(null);
            pages++;
        } while (marker != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(created).doesNotHaveDuplicates();
        assertThat(seen).isSortedAccordingTo((a, b) -> a.keyId().value().compareTo(b.keyId().value()));
    }

    @Test
    void listKeysShowsOnlyTheCallersAccountAndRegion() {
        KeyArn mine = newKey();
        keys.createKey(NewKey.symmetric(OTHER_ACCOUNT, REGION));
        keys.createKey(NewKey.symmetric(ACCOUNT, OTHER_REGION));
        assertThat(keys.listKeys(ACCOUNT, REGION, 100, null).items()).containsExactly(mine);
    }

    @Test
    void listKeysWithExactlyOneFullPageIsNotTruncated() {
        newKey();
        newKey();
        assertThat(keys.listKeys(ACCOUNT, REGION, 2, null).truncated()).isFalse();
    }

    @Test
    void listKeysRejectsABogusMarker() {
        newKey();
        assertFails(() -> keys.listKeys(ACCOUNT, REGION, 10, "bogus-marker"), KmsError.InvalidMarker,
                "The marker is not valid.");
        assertFails(() -> keys.listKeys(ACCOUNT, REGION, 10, "!!!"), KmsError.InvalidMarker, "The marker is not valid.");
    }

    // ---- state changes

    @Test
    void disableAndEnableAreDurableAndIdempotent() {
        KeyArn arn = newKey();
        keys.disable(arn);
        keys.disable(arn);
        reopen(true);
        assertThat(keys.describe(arn).keyState()).isEqualTo(KeyState.Disabled);
        keys.enable(arn);
        keys.enable(arn);
        reopen(true);
        assertThat(keys.describe(arn).enabled()).isTrue();
    }

    @Test
    void scheduleDeletionOfAnEnabledKeyFailsUntilDisabled() {
        KeyArn arn = newKey();
        assertThat(failure(() -> keys.scheduleDeletion(arn, 7), KmsError.KMSInvalidState).getMessage())
                .startsWith(arn + " is enabled.").contains("DisableKey");
        assertThat(keys.describe(arn).keyState()).isEqualTo(KeyState.Enabled);
    }

    @Test
    void scheduleDeletionOfAnEnabledKeyWorksWhenConfiguredLikeAws() {
        reopen(false);
        KeyArn arn = newKey();
        assertThat(keys.scheduleDeletion(arn, 7).keyState()).isEqualTo(KeyState.PendingDeletion);
    }

    @Test
    void scheduleAndCancelDeletionAreStored() {
        KeyArn arn = newKey();
        keys.disable(arn);
        KeyMetadata scheduled = keys.scheduleDeletion(arn, 30);
        assertThat(scheduled.deletionDate()).isEqualTo(clock.instant().plus(Duration.ofDays(30)));
        reopen(true);
        assertThat(keys.describe(arn).keyState()).isEqualTo(KeyState.PendingDeletion);
        assertFails(() -> keys.scheduleDeletion(arn, 30), KmsError.KMSInvalidState, arn + " is pending deletion.");
        KeyMetadata cancelled = keys.cancelDeletion(arn);
        assertThat(cancelled.keyState()).isEqualTo(KeyState.Disabled);
        assertThat(cancelled.deletionDate()).isNull();
        reopen(true);
        assertThat(keys.describe(arn).deletionDate()).isNull();
        assertFails(() -> keys.cancelDeletion(arn), KmsError.KMSInvalidState, arn + " is not pending deletion.");
    }

    @Test
    void deletionRemovesKeyMaterialAliasesAndTagsAfterTheWindowOnly() {
        KeyArn arn = newKey(List.of(new Tag("a", "b")));
        keys.createAlias(alias("alias/doomed"), arn);
        byte[] blob = keys.encrypt(arn, Plaintext.of(new byte[] {1}), EncryptionContext.empty()).ciphertextBlob();
        keys.disable(arn);
        keys.scheduleDeletion(arn, 7);
        clock.advance(Duration.ofDays(7).minusMillis(1));
        assertThat(keys.purgeExpiredDeletions()).isZero();
        clock.advance(Duration.ofMillis(1));
        assertThat(keys.purgeExpiredDeletions()).isEqualTo(1);
        assertFails(() -> keys.describe(arn), KmsError.NotFound, "Key '" + arn + "' does not exist");
        assertThat(keys.aliasTarget(alias("alias/doomed"))).isEmpty();
        assertThat(keys.keyOfCiphertext(blob, REGION)).isEmpty();
        reopen(true);
        assertFails(() -> keys.facts(arn), KmsError.NotFound, "Key '" + arn + "' does not exist");
        assertThat(keys.listKeys(ACCOUNT, REGION, 10, null).items()).doesNotContain(arn);
        assertThat(keys.listAliases(ACCOUNT, REGION, Optional.empty(), 10, null).items()).isEmpty();
        assertThat(keys.purgeExpiredDeletions()).isZero();
    }

    @Test
    void cancelledDeletionIsNotPurged() {
        KeyArn arn = newKey();
        keys.disable(arn);
        keys.scheduleDeletion(arn, 7);
        keys.cancelDeletion(arn);
        clock.advance(Duration.ofDays(31));
        assertThat(keys.purgeExpiredDeletions()).isZero();
        assertThat(keys.describe(arn).keyState()).isEqualTo(KeyState.Disabled);
    }

    // ---- aliases

    @Test
    void aliasesAreStoredListedAndPartOfTheFacts() {
        KeyArn arn = newKey();
        keys.createAlias(alias("alias/b"), arn);
        keys.createAlias(alias("alias/a"), arn);
        reopen(true);
        assertThat(keys.facts(arn).aliases()).containsExactly(new AliasName("alias/a"), new AliasName("alias/b"));
        Page<AliasEntry> first = keys.listAliases(ACCOUNT, REGION, Optional.of(arn), 1, null);
        assertThat(first.items()).extracting(AliasEntry::arn).containsExactly(alias("alias/a"));
        Page<AliasEntry> second = keys.listAliases(ACCOUNT, REGION, Optional.of(arn), 1, first.nextMarker().get());
        assertThat(second.items()).extracting(AliasEntry::arn).containsExactly(alias("alias/b"));
        assertThat(second.truncated()).isFalse();
        assertThat(second.items().get(0).target()).isEqualTo(arn.keyId());
        assertThat(second.items().get(0).created()).isEqualTo(clock.instant());
    }

    @Test
    void aliasNameTakenInTheAccountAndRegionFails() {
        KeyArn a = newKey();
        KeyArn b = newKey();
        keys.createAlias(alias("alias/x"), a);
        assertFails(() -> keys.createAlias(alias("alias/x"), b), KmsError.AlreadyExists,
                "An alias with the name " + alias("alias/x") + " already exists");
        assertThat(keys.aliasTarget(alias("alias/x"))).contains(a);
        assertThat(keys.facts(b).aliases()).isEmpty();
    }

    @Test
    void sameAliasNameInAnotherAccountIsIndependent() {
        KeyArn mine = newKey();
        KeyArn theirs = keys.createKey(NewKey.symmetric(OTHER_ACCOUNT, REGION)).arn();
        AliasArn theirAlias = new AliasArn(REGION, OTHER_ACCOUNT, new AliasName("alias/x"));
        keys.createAlias(alias("alias/x"), mine);
        keys.createAlias(theirAlias, theirs);
        assertThat(keys.aliasTarget(alias("alias/x"))).contains(mine);
        assertThat(keys.aliasTarget(theirAlias)).contains(theirs);
        assertThat(keys.listAliases(ACCOUNT, REGION, Optional.empty(), 50, null).items()).hasSize(1);
    }

    @Test
    void fiftyFirstAliasOnAKeyFails() {
        KeyArn arn = newKey();
        for (int i = 0; i < 50; i++) {
            keys.createAlias(alias("alias/a" + i), arn);
        }
        failure(() -> keys.createAlias(alias("alias/a50"), arn), KmsError.LimitExceeded);
        assertThat(keys.aliasTarget(alias("alias/a50"))).isEmpty();
    }

    @Test
    void updateAliasMovesItAndItsFactsAndLastUpdated() {
        KeyArn a = newKey();
        KeyArn b = newKey();
        keys.createAlias(alias("alias/m"), a);
        clock.advance(Duration.ofMinutes(5));
        keys.updateAlias(alias("alias/m"), b);
        reopen(true);
        assertThat(keys.aliasTarget(alias("alias/m"))).contains(b);
        assertThat(keys.facts(a).aliases()).isEmpty();
        assertThat(keys.facts(b).aliases()).containsExactly(new AliasName("alias/m"));
        AliasEntry entry = keys.listAliases(ACCOUNT, REGION, Optional.empty(), 10, null).items().get(0);
        assertThat(entry.lastUpdated()).isEqualTo(entry.created().plus(Duration.ofMinutes(5)));
    }

    @Test
    void deleteAliasIsDurableAndASecondDeleteFails() {
        KeyArn arn = newKey();
        keys.createAlias(alias("alias/d"), arn);
        keys.deleteAlias(alias("alias/d"));
        reopen(true);
        assertThat(keys.aliasTarget(alias("alias/d"))).isEmpty();
        assertFails(() -> keys.deleteAlias(alias("alias/d")), KmsError.NotFound,
                "Alias " + alias("alias/d") + " is not found.");
    }

    // ---- tags and policy

    @Test
    void tagsUpsertUntagAndPageDurably() {
        KeyArn arn = newKey(List.of(new Tag("b", "1"), new Tag("a", "1")));
        keys.tag(arn, List.of(new Tag("b", "2"), new Tag("c", "")));
        keys.untag(arn, List.of("a", "absent"));
        reopen(true);
        Page<Tag> first = keys.listTags(arn, 1, null);
        assertThat(first.items()).containsExactly(new Tag("b", "2"));
        Page<Tag> second = keys.listTags(arn, 1, first.nextMarker().get());
        assertThat(second.items()).containsExactly(new Tag("c", ""));
        assertThat(second.truncated()).isFalse();
    }

    @Test
    void tooManyTagsCountsTheTagsAlreadyOnTheKey() {
        List<Tag> fifty = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fifty.add(new Tag("k" + i, "v"));
        }
        KeyArn arn = newKey(fifty);
        keys.tag(arn, List.of(new Tag("k0", "overwrite is fine")));
        assertFails(() -> keys.tag(arn, List.of(new Tag("k50", "v"))), KmsError.Tag, "Too many tags");
        reopen(true);
        assertThat(keys.facts(arn).tags()).hasSize(50).contains(new Tag("k0", "overwrite is fine"));
    }

    @Test
    void policyIsStoredExactlyAsGiven() {
        KeyArn arn = newKey();
        String policy = "{\n  \"Version\" : \"2012-10-17\",\t\"Statement\": [] }  ";
        keys.putPolicy(arn, policy);
        reopen(true);
        assertThat(keys.policy(arn)).isEqualTo(policy);
        assertThat(keys.facts(arn).policy()).isEqualTo(policy);
    }

    @Test
    void defaultPolicyNamesTheAccountRoot() {
        KeyArn arn = newKey();
        assertThat(keys.policy(arn)).isEqualTo("{\"Version\":\"2012-10-17\",\"Id\":\"key-default-1\",\"Statement\":"
                + "[{\"Sid\":\"Enable IAM User Permissions\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::111122223333:root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}");
    }

    // ---- material and durability

    @Test
    void ciphertextsDecryptAfterReopenWithTheSameMaterial() {
        KeyArn arn = newKey();
        EncryptionContext ctx = EncryptionContext.of(Map.of("purpose", "test"));
        var encrypted = keys.encrypt(arn, Plaintext.of("secret".getBytes(StandardCharsets.UTF_8)), ctx);
        String materialId = keys.describe(arn).currentKeyMaterialId();
        reopen(true);
        var decrypted = keys.decrypt(arn, encrypted.ciphertextBlob(), ctx);
        assertThat(decrypted.plaintext().bytes()).isEqualTo("secret".getBytes(StandardCharsets.UTF_8));
        assertThat(decrypted.keyMaterialId()).isEqualTo(materialId).isEqualTo(encrypted.keyMaterialId());
        assertThat(keys.keyOfCiphertext(encrypted.ciphertextBlob(), REGION)).contains(arn);
    }

    @Test
    void keyMaterialIsStoredOnlyWrapped() {
        KeyArn arn = newKey();
        List<MaterialRecord> stored = storedMaterials(arn);
        assertThat(stored).hasSize(1);
        MaterialRecord m = stored.get(0);
        assertThat(m.version()).isEqualTo(1);
        assertThat(m.materialId()).isEqualTo(keys.describe(arn).currentKeyMaterialId());
        assertThat(m.wrapped()).hasSize(12 + 32 + 16); // IV ‖ AES-GCM(32-byte material) ‖ tag
    }

    /** The rows as the database holds them, for storage-level assertions. */
    protected abstract List<MaterialRecord> storedMaterials(KeyArn arn);

    @Test
    void createdAtSurvivesReopenToTheMillisecond() {
        clock.set(Instant.parse("2030-01-01T00:00:00.123456789Z"));
        KeyArn arn = newKey();
        reopen(true);
        assertThat(keys.describe(arn).creationDate()).isEqualTo(Instant.parse("2030-01-01T00:00:00.123Z"));
    }
}
