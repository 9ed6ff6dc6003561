package io.kmsd.core.grant.service;

import static io.kmsd.core.grant.GrantOperation.Decrypt;
import static io.kmsd.core.grant.GrantOperation.Encrypt;
import static io.kmsd.core.testing.KmsAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmsd.core.CreatedGrant;
import io.kmsd.core.GrantView;
import io.kmsd.core.error.KmsError;
import io.kmsd.core.grant.Grant;
import io.kmsd.core.grant.GrantId;
import io.kmsd.core.grant.GrantState;
import io.kmsd.core.key.KeyArn;
import io.kmsd.core.testing.Ids;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * RetireGrant, RevokeGrant, what the authorizer gets (activeGrantsFor, grantsForRequest with tokens) and key
 * deletion, on H2 and PostgreSQL (kms-api §4.9, §3.3; key-policy-semantics E12, E15).
 */
public abstract class GrantStateContract extends GrantFixture {

    @Test
    void retireByKeyAndIdEndsTheGrantAtOnceOnThisNode() { // kms-api §4.9 RetireGrant
        KeyArn key = symmetricKey();
        CreatedGrant created = grants.create(request(key, ALICE, Encrypt));
        assertThat(grants.activeGrantsFor(key)).hasSize(1);
        Grant retired = grants.retire(key, created.grantId());
        assertThat(retired.state()).isEqualTo(GrantState.RETIRED);
        assertThat(retired.grantId()).isEqualTo(created.grantId());
        assertThat(grants.activeGrantsFor(key)).isEmpty();
        assertFails(() -> grants.activeGrant(key, created.grantId()), KmsError.InvalidGrantId,
                "Grant " + created.grantId() + " is not an active grant of key " + key + ".");
    }

    @Test
    void retireByTokenEndsTheGrantTheTokenNames() {
        KeyArn key = symmetricKey();
        CreatedGrant created = grants.create(request(key, ALICE, Encrypt));
        CreatedGrant other = grants.create(request(key, ALICE, Encrypt));
        Grant retired = grants.retire(grants.decodeToken(created.grantToken()));
        assertThat(retired.grantId()).isEqualTo(created.grantId());
        assertThat(grants.activeGrantsFor(key)).extracting(Grant::grantId).containsExactly(other.grantId());
    }

    @Test
    void anEndedGrantCannotBeRetiredOrRevokedAgain() {
        KeyArn key = symmetricKey();
        GrantId id = grants.create(request(key, ALICE, Encrypt)).grantId();
        grants.revoke(key, id);
        String message = "Grant " + id + " is not an active grant of key " + key + ".";
        assertFails(() -> grants.revoke(key, id), KmsError.InvalidGrantId, message);
        assertFails(() -> grants.retire(key, id), KmsError.InvalidGrantId, message);
    }

    @Test
    void aGrantOfAnotherKeyOrAnUnknownGrantIsInvalidGrantId() { // kms-api §4.9 RevokeGrant
        KeyArn key = symmetricKey();
        KeyArn other = symmetricKey();
        GrantId id = grants.create(request(key, ALICE, Encrypt)).grantId();
        assertFails(() -> grants.revoke(other, id), KmsError.InvalidGrantId,
                "Grant " + id + " is not an active grant of key " + other + ".");
        GrantId unknown = GrantId.random();
        assertFails(() -> grants.retire(key, unknown), KmsError.InvalidGrantId,
                "Grant " + unknown + " is not an active grant of key " + key + ".");
        assertThat(grants.activeGrant(key, id).isActive()).isTrue();
    }

    @Test
    void retireAndRevokeOnAnUnknownKeyAreNotFound() {
        KeyArn unknown = Ids.unknownKey();
        assertFails(() -> grants.revoke(unknown, GrantId.random()), KmsError.NotFound,
                "Key '" + unknown + "' does not exist");
        assertFails(() -> grants.activeGrant(unknown, GrantId.random()), KmsError.NotFound,
                "Key '" + unknown + "' does not exist");
    }

    @Test
    void grantsOfADisabledKeyCanStillBeListedRetiredAndRevoked() { // kms-api §3.4: any state
        KeyArn key = symmetricKey();
        GrantId first = grants.create(request(key, ALICE, Encrypt)).grantId();
        GrantId second = grants.create(request(key, ALICE, Encrypt)).grantId();
        keys.disable(key);
        grants.retire(key, first);
        grants.revoke(key, second);
        assertThat(grants.list(key, Optional.empty(), Optional.empty(), 50, null).items()).isEmpty();
    }

    @Test
    void aPresentedTokenOfAVisibleGrantIsAttachedToIt() {
        KeyArn key = symmetricKey();
        CreatedGrant created = grants.create(request(key, ALICE, Encrypt));
        assertThat(grants.grantsForRequest(key, List.of())).singleElement()
                .satisfies(v -> assertThat(v.propagated()).isTrue()).satisfies(v -> assertThat(v.token()).isEmpty());
        assertThat(grants.grantsForRequest(key, List.of(created.grantToken()))).singleElement()
                .satisfies(v -> assertThat(v.propagated()).isTrue())
                .satisfies(v -> assertThat(v.token()).contains(created.grantToken()));
    }

    @Test
    void theTokenOfAnEndedGrantShowsTheGrantAsEnded() { // key-policy-semantics E15: never revives it
        KeyArn key = symmetricKey();
        CreatedGrant created = grants.create(request(key, ALICE, Encrypt));
        grants.revoke(key, created.grantId());
        assertThat(grants.activeGrantsFor(key)).isEmpty();
        GrantView view = grants.grantsForRequest(key, List.of(created.grantToken())).get(0);
        assertThat(view.grant().state()).isEqualTo(GrantState.REVOKED);
        assertThat(view.propagated()).isFalse();
    }

    @Test
    void tokensOfOtherKeysAreIgnoredAndInvalidTokensRefused() { // kms-api §4.0 GrantTokens
        KeyArn key = symmetricKey();
        KeyArn other = symmetricKey();
        CreatedGrant elsewhere = grants.create(request(other, ALICE, Encrypt));
        assertThat(grants.grantsForRequest(key, List.of(elsewhere.grantToken()))).isEmpty();
        char[] chars = elsewhere.grantToken().toCharArray();
        chars[20] = chars[20] == 'A' ? 'B' : 'A';
        String altered = new String(chars);
        assertFails(() -> grants.grantsForRequest(key, List.of(created(key).grantToken(), altered)),
                KmsError.InvalidGrantToken, "The grant token is not valid.");
        assertFails(() -> grants.decodeToken("garbage"), KmsError.InvalidGrantToken, "The grant token is not valid.");
    }

    private CreatedGrant created(KeyArn key) {
        return grants.create(request(key, ALICE, Encrypt));
    }

    @Test
    void withAPropagationDelayANewGrantCountsOnlyThroughItsTokenUntilTheDelayPassed() { // E15
        core.close();
        core = io.kmsd.core.Core.start(config().grantPropagationDelay(Duration.ofSeconds(30)).build());
        keys = core.keys();
        grants = core.grants();
        KeyArn key = symmetricKey();
        CreatedGrant created = grants.create(request(key, ALICE, Decrypt));
        assertThat(grants.activeGrantsFor(key)).isEmpty();
        assertThat(grants.grantsForRequest(key, List.of())).isEmpty();
        GrantView byToken = grants.grantsForRequest(key, List.of(created.grantToken())).get(0);
        assertThat(byToken.propagated()).isFalse();
        assertThat(byToken.grant().state()).isEqualTo(GrantState.ACTIVE);
        clock.advance(Duration.ofSeconds(30));
        assertThat(grants.activeGrantsFor(key)).extracting(Grant::grantId).containsExactly(created.grantId());
        assertThat(grants.grantsForRequest(key, List.of()).get(0).propagated()).isTrue();
    }

    @Test
    void deletingTheKeyDeletesItsGrants() throws Exception { // kms-api §3.3 PendingDeletion
        KeyArn key = symmetricKey();
        KeyArn kept = symmetricKey();
        grants.create(request(key, ALICE, Encrypt).withRetiringPrincipal(RETIRER));
        GrantId ended = grants.create(request(key, ALICE, Encrypt)).grantId();
        grants.revoke(key, ended);
        GrantId other = grants.create(request(kept, ALICE, Encrypt).withRetiringPrincipal(RETIRER)).grantId();
        keys.disable(key);
        keys.scheduleDeletion(key, 7);
        clock.advance(Duration.ofDays(7));
        assertThat(keys.purgeExpiredDeletions()).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM kms_grant WHERE key_id = ?", key.keyId().value())).isZero();
        assertThat(count("SELECT COUNT(*) FROM kms_key_grants WHERE key_id = ?", key.keyId().value())).isZero();
        assertThat(grants.listRetirable(RETIRER, 50, null).items()).extracting(Grant::grantId)
                .containsExactly(other);
        assertThat(grants.activeGrantsFor(key)).isEmpty(); // checked again after the refresh interval
        assertFails(() -> grants.list(key, Optional.empty(), Optional.empty(), 50, null), KmsError.NotFound,
                "Key '" + key + "' does not exist");
    }
}
