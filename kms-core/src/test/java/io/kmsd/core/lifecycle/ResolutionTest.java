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
import io.kmsd.core.ResolvedKey;
import io.kmsd.core.alias.AliasArn;
import io.kmsd.core.alias.AliasName;
import io.kmsd.core.error.KmsError;
import io.kmsd.core.key.KeyArn;
import io.kmsd.core.key.KeyId;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** kms-api §2 "Resolving a KeyRef": every form and every message. */
class ResolutionTest extends H2Fixture {
    private KeyArn key;

    @BeforeEach
    void createKey() {
        key = keys.createKey(NewKey.symmetric(ACCOUNT, REGION)).arn();
        keys.createAlias(alias("alias/app"), key);
    }

    @Test
    void keyIdResolvesInTheCallersAccountAndRegion() {
        assertThat(keys.resolve(key.keyId().value(), ACCOUNT, REGION, true))
                .isEqualTo(new ResolvedKey(key, Optional.empty()));
    }

    @Test
    void keyArnResolves() {
        assertThat(keys.resolve(key.toString(), ACCOUNT, REGION, false).arn()).isEqualTo(key);
    }

    @Test
    void aliasNameAndAliasArnResolveAndReportTheRequestAlias() {
        ResolvedKey byName = keys.resolve("alias/app", ACCOUNT, REGION, true);
        ResolvedKey byArn = keys.resolve(alias("alias/app").toString(), ACCOUNT, REGION, true);
        assertThat(byName).isEqualTo(new ResolvedKey(key, Optional.of(new AliasName("alias/app"))));
        assertThat(byArn).isEqualTo(byName);
    }

    @Test
    void malformedKeyIdIsNotFound() {
        // kms-api §6.17
        assertFails(() -> keys.resolve("fake-key-id", ACCOUNT, REGION, true), KmsError.NotFound,
                "Invalid keyId 'fake-key-id'");
        assertFails(() -> keys.resolve("1234ABCD-12AB-34CD-56EF-1234567890AB", ACCOUNT, REGION, true),
                KmsError.NotFound, "Invalid keyId '1234ABCD-12AB-34CD-56EF-1234567890AB'");
    }

    @Test
    void unknownKeyIdNamesTheArnInTheCallersAccountAndRegion() {
        KeyId unknown = KeyId.random();
        assertFails(() -> keys.resolve(unknown.value(), ACCOUNT, REGION, true), KmsError.NotFound,
                "Key 'arn:aws:kms:us-east-1:111122223333:key/" + unknown + "' does not exist");
    }

    @Test
    void unknownAliasNamesTheAliasArn() {
        assertFails(() -> keys.resolve("alias/none", ACCOUNT, REGION, true), KmsError.NotFound,
                "Alias arn:aws:kms:us-east-1:111122223333:alias/none is not found.");
        assertFails(() -> keys.resolve("arn:aws:kms:us-east-1:111122223333:alias/none", ACCOUNT, REGION, true),
                KmsError.NotFound, "Alias arn:aws:kms:us-east-1:111122223333:alias/none is not found.");
    }

    @Test
    void malformedAliasNameIsAnUnknownAlias() {
        assertFails(() -> keys.resolve("alias/has space", ACCOUNT, REGION, true), KmsError.NotFound,
                "Alias arn:aws:kms:us-east-1:111122223333:alias/has space is not found.");
    }

    @Test
    void arnOfAnotherRegionIsNotFound() {
        String otherRegionArn = "arn:aws:kms:eu-west-1:111122223333:key/" + key.keyId();
        assertFails(() -> keys.resolve(otherRegionArn, ACCOUNT, REGION, true), KmsError.NotFound,
                "Invalid arn eu-west-1");
        assertFails(() -> keys.resolve("arn:aws:kms:eu-west-1:111122223333:alias/app", ACCOUNT, REGION, true),
                KmsError.NotFound, "Invalid arn eu-west-1");
    }

    @Test
    void unparsableArnIsInvalidArn() {
        for (String bad : new String[] {"arn:aws:kms:us-east-1:111122223333:key/not-an-id", "arn:aws:s3:::bucket",
                "arn:", "arn:aws:kms:us-east-1:12:key/" + key.keyId(), "arn:aws:kms:us-east-1:111122223333:grant/x"}) {
            failure(() -> keys.resolve(bad, ACCOUNT, REGION, true), KmsError.InvalidArn);
        }
    }

    @Test
    void aliasWhereOnlyIdOrArnIsAcceptedIsAnInvalidKeyId() {
        assertFails(() -> keys.resolve("alias/app", ACCOUNT, REGION, false), KmsError.NotFound,
                "Invalid keyId 'alias/app'");
        assertFails(() -> keys.resolve(alias("alias/app").toString(), ACCOUNT, REGION, false), KmsError.NotFound,
                "Invalid keyId '" + alias("alias/app") + "'");
    }

    @Test
    void bareKeyIdNeverReachesAnotherAccount() {
        // kms-api §2 "Cross-account use", §6.53: bare id → NotFound in the caller's own account
        assertFails(() -> keys.resolve(key.keyId().value(), OTHER_ACCOUNT, REGION, true), KmsError.NotFound,
                "Key 'arn:aws:kms:us-east-1:444455556666:key/" + key.keyId() + "' does not exist");
    }

    @Test
    void aliasNameNeverReachesAnotherAccount() {
        assertFails(() -> keys.resolve("alias/app", OTHER_ACCOUNT, REGION, true), KmsError.NotFound,
                "Alias arn:aws:kms:us-east-1:444455556666:alias/app is not found.");
    }

    @Test
    void anotherAccountsKeyIsReachableByArn() {
        assertThat(keys.resolve(key.toString(), OTHER_ACCOUNT, REGION, true).arn()).isEqualTo(key);
        AliasArn theirs = alias("alias/app");
        assertThat(keys.resolve(theirs.toString(), OTHER_ACCOUNT, REGION, true).arn()).isEqualTo(key);
    }

    @Test
    void keysAreRegional() {
        assertFails(() -> keys.resolve(key.keyId().value(), ACCOUNT, OTHER_REGION, true), KmsError.NotFound,
                "Key 'arn:aws:kms:eu-west-1:111122223333:key/" + key.keyId() + "' does not exist");
        assertFails(() -> keys.resolve("alias/app", ACCOUNT, OTHER_REGION, true), KmsError.NotFound,
                "Alias arn:aws:kms:eu-west-1:111122223333:alias/app is not found.");
    }

    @Test
    void emptyRefIsAnInvalidKeyId() {
        assertFails(() -> keys.resolve("", ACCOUNT, REGION, true), KmsError.NotFound, "Invalid keyId ''");
    }

    @Test
    void resolvedKeyAfterDeletionIsNotFound() {
        keys.disable(key);
        keys.scheduleDeletion(key, 7);
        clock.advance(java.time.Duration.ofDays(8));
        keys.purgeExpiredDeletions();
        assertFails(() -> keys.resolve(key.toString(), ACCOUNT, REGION, true), KmsError.NotFound,
                "Key '" + key + "' does not exist");
        assertFails(() -> keys.resolve("alias/app", ACCOUNT, REGION, true), KmsError.NotFound,
                "Alias " + alias("alias/app") + " is not found.");
    }
}
