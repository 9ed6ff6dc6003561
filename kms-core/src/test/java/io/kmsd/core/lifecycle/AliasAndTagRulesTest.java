package io.kmsd.core.lifecycle;

import static io.kmsd.core.testing.Ids.ACCOUNT;
import static io.kmsd.core.testing.Ids.OTHER_ACCOUNT;
import static io.kmsd.core.testing.Ids.OTHER_REGION;
import static io.kmsd.core.testing.Ids.REGION;
import static io.kmsd.core.testing.Ids.alias;
import static io.kmsd.core.testing.KmsAssertions.assertFails;
import static io.kmsd.core.testing.KmsAssertions.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmsd.core.NewKey;
import io.kmsd.core.alias.AliasArn;
import io.kmsd.core.alias.AliasName;
import io.kmsd.core.error.KmsError;
import io.kmsd.core.key.KeyArn;
import io.kmsd.core.key.Tag;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What alias and tag operations must refuse (kms-api §4.2, §4.3, §6.22, §6.42-§6.45). */
class AliasAndTagRulesTest extends H2Fixture {
    private KeyArn key;

    @BeforeEach
    void createKey() {
        key = keys.createKey(NewKey.symmetric(ACCOUNT, REGION)).arn();
    }

    private KeyArn pendingDeletion() {
        KeyArn arn = keys.createKey(NewKey.symmetric(ACCOUNT, REGION)).arn();
        keys.disable(arn);
        keys.scheduleDeletion(arn, 7);
        return arn;
    }

    @Test
    void awsPrefixIsReserved() {
        failure(() -> keys.createAlias(alias("alias/aws/s3"), key), KmsError.InvalidAliasName);
        keys.createAlias(alias("alias/awsome"), key);
        failure(() -> keys.updateAlias(alias("alias/aws/s3"), key), KmsError.InvalidAliasName);
    }

    @Test
    void targetPendingDeletionIsAnInvalidState() {
        KeyArn doomed = pendingDeletion();
        assertFails(() -> keys.createAlias(alias("alias/x"), doomed), KmsError.KMSInvalidState,
                doomed + " is pending deletion.");
        assertThat(keys.aliasTarget(alias("alias/x"))).isEmpty();
    }

    @Test
    void targetInAnotherAccountOrRegionIsRefused() {
        KeyArn theirs = keys.createKey(NewKey.symmetric(OTHER_ACCOUNT, REGION)).arn();
        KeyArn elsewhere = keys.createKey(NewKey.symmetric(ACCOUNT, OTHER_REGION)).arn();
        failure(() -> keys.createAlias(alias("alias/x"), theirs), KmsError.Validation);
        failure(() -> keys.createAlias(alias("alias/x"), elsewhere), KmsError.Validation);
    }

    @Test
    void unknownTargetIsNotFound() {
        KeyArn unknown = io.kmsd.core.testing.Ids.unknownKey();
        assertFails(() -> keys.createAlias(alias("alias/x"), unknown), KmsError.NotFound,
                "Key '" + unknown + "' does not exist");
    }

    @Test
    void updateOfAMissingAliasIsNotFound() {
        assertFails(() -> keys.updateAlias(alias("alias/none"), key), KmsError.NotFound,
                "Alias " + alias("alias/none") + " is not found.");
    }

    @Test
    void updateToAPendingDeletionKeyFailsButAwayFromOneWorks() {
        KeyArn doomed = pendingDeletion();
        keys.createAlias(alias("alias/m"), key);
        assertFails(() -> keys.updateAlias(alias("alias/m"), doomed), KmsError.KMSInvalidState,
                doomed + " is pending deletion.");
        KeyArn other = keys.createKey(NewKey.symmetric(ACCOUNT, REGION)).arn();
        keys.updateAlias(alias("alias/m"), other);
        keys.disable(other);
        keys.scheduleDeletion(other, 7);
        keys.updateAlias(alias("alias/m"), key); // §3.4: may move away from a pending-deletion key
        assertThat(keys.aliasTarget(alias("alias/m"))).contains(key);
    }

    @Test
    void pendingDeletionKeyStillListsAndDeletesItsAliases() {
        keys.createAlias(alias("alias/keep"), key);
        keys.disable(key);
        keys.scheduleDeletion(key, 7);
        assertThat(keys.listAliases(ACCOUNT, REGION, Optional.of(key), 10, null).items()).hasSize(1);
        assertThat(keys.describe(key).deletionDate()).isNotNull();
        keys.deleteAlias(alias("alias/keep"));
        assertThat(keys.facts(key).aliases()).isEmpty();
    }

    @Test
    void listAliasesRejectsABogusMarkerAndForeignKeys() {
        assertFails(() -> keys.listAliases(ACCOUNT, REGION, Optional.empty(), 10, "nope"), KmsError.InvalidMarker,
                "The marker is not valid.");
        KeyArn theirs = keys.createKey(NewKey.symmetric(OTHER_ACCOUNT, REGION)).arn();
        failure(() -> keys.listAliases(ACCOUNT, REGION, Optional.of(theirs), 10, null), KmsError.NotFound);
    }

    @Test
    void aliasOfAnotherAccountCannotBeDeletedThroughMine() {
        KeyArn theirs = keys.createKey(NewKey.symmetric(OTHER_ACCOUNT, REGION)).arn();
        keys.createAlias(new AliasArn(REGION, OTHER_ACCOUNT, new AliasName("alias/t")), theirs);
        failure(() -> keys.deleteAlias(alias("alias/t")), KmsError.NotFound);
        assertThat(keys.aliasTarget(new AliasArn(REGION, OTHER_ACCOUNT, new AliasName("alias/t")))).contains(theirs);
    }

    @Test
    void tagRulesOnTagResource() {
        assertFails(() -> keys.tag(key, List.of(new Tag("k", "1"), new Tag("k", "2"))), KmsError.Tag,
                "Duplicate tag keys");
        assertFails(() -> keys.tag(key, List.of(new Tag("aWs:k", "1"))), KmsError.Tag,
                "Tags beginning with aws: are reserved");
        assertFails(() -> keys.untag(key, List.of("AWS:k")), KmsError.Tag, "Tags beginning with aws: are reserved");
        assertThat(keys.facts(key).tags()).isEmpty();
    }

    @Test
    void tagsAreCaseSensitive() {
        keys.tag(key, List.of(new Tag("Team", "a"), new Tag("team", "b")));
        assertThat(keys.listTags(key, 50, null).items()).hasSize(2);
    }

    @Test
    void pendingDeletionRefusesTagsAndDescriptionButListsTags() {
        // kms-api §6.22
        keys.tag(key, List.of(new Tag("a", "b")));
        keys.disable(key);
        keys.scheduleDeletion(key, 7);
        assertFails(() -> keys.tag(key, List.of(new Tag("c", "d"))), KmsError.KMSInvalidState,
                key + " is pending deletion.");
        assertFails(() -> keys.untag(key, List.of("a")), KmsError.KMSInvalidState, key + " is pending deletion.");
        assertFails(() -> keys.updateDescription(key, "x"), KmsError.KMSInvalidState, key + " is pending deletion.");
        assertFails(() -> keys.enable(key), KmsError.KMSInvalidState, key + " is pending deletion.");
        assertThat(keys.listTags(key, 50, null).items()).containsExactly(new Tag("a", "b"));
        assertThat(keys.policy(key)).contains("key-default-1");
        keys.putPolicy(key, "{}"); // §3.4: PutKeyPolicy works in every state
    }

    @Test
    void listTagsRejectsABogusMarker() {
        assertFails(() -> keys.listTags(key, 10, "%%%"), KmsError.InvalidMarker, "The marker is not valid.");
        failure(() -> keys.listTags(key, 0, null), KmsError.Validation);
    }
}
