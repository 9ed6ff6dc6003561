package io.kmsd.core.grant.service;

import static io.kmsd.core.grant.GrantOperation.Decrypt;
import static io.kmsd.core.grant.GrantOperation.Encrypt;
import static io.kmsd.core.testing.Ids.OTHER_ACCOUNT;
import static io.kmsd.core.testing.KmsAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmsd.core.CreatedGrant;
import io.kmsd.core.Page;
import io.kmsd.core.error.KmsError;
import io.kmsd.core.grant.Grant;
import io.kmsd.core.grant.GrantId;
import io.kmsd.core.key.KeyArn;
import io.kmsd.core.testing.Ids;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** ListGrants and ListRetirableGrants (kms-api §4.9, §5) on H2 and PostgreSQL. */
public abstract class GrantListingContract extends GrantFixture {

    private Page<Grant> all(KeyArn key) {
        return grants.list(key, Optional.empty(), Optional.empty(), 100, null);
    }

    @Test
    void filtersByGrantIdAndGranteeAreAnded() { // kms-api §4.9 ListGrants
        KeyArn key = symmetricKey();
        CreatedGrant alice = grants.create(request(key, ALICE, Encrypt));
        CreatedGrant bob = grants.create(request(key, BOB, Encrypt));
        grants.create(request(symmetricKey(), ALICE, Encrypt)); // another key's grant
        assertThat(all(key).items()).extracting(Grant::grantId)
                .containsExactlyInAnyOrder(alice.grantId(), bob.grantId());
        assertThat(grants.list(key, Optional.of(bob.grantId()), Optional.empty(), 50, null).items())
                .extracting(Grant::grantId).containsExactly(bob.grantId());
        assertThat(grants.list(key, Optional.empty(), Optional.of(ALICE), 50, null).items())
                .extracting(Grant::grantId).containsExactly(alice.grantId());
        assertThat(grants.list(key, Optional.of(bob.grantId()), Optional.of(ALICE), 50, null).items()).isEmpty();
        assertThat(grants.list(key, Optional.of(GrantId.random()), Optional.empty(), 50, null).items()).isEmpty();
    }

    @Test
    void pagesVisitEveryGrantOnceInGrantIdOrder() {
        KeyArn key = symmetricKey();
        List<GrantId> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(grants.create(request(key, ALICE, Encrypt)).grantId());
        }
        List<GrantId> seen = new ArrayList<>();
        String marker = null;
        int pages = 0;
        do {
            Page<Grant> page = grants.list(key, Optional.empty(), Optional.empty(), 2, marker);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(2);
            page.items().forEach(g -> seen.add(g.grantId()));
            marker = page.nextMarker().orElse(null);
            pages++;
        } while (marker != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(created).doesNotHaveDuplicates()
                .isSortedAccordingTo((a, b) -> a.value().compareTo(b.value()));
    }

    @Test
    void aFullLastPageIsNotTruncated() {
        KeyArn key = symmetricKey();
        grants.create(request(key, ALICE, Encrypt));
        grants.create(request(key, ALICE, Encrypt));
        Page<Grant> page = grants.list(key, Optional.empty(), Optional.empty(), 2, null);
        assertThat(page.items()).hasSize(2);
        assertThat(page.truncated()).isFalse();
    }

    @Test
    void limitOutsideOneToHundredIsAValidationError() { // kms-api §5 Limit
        KeyArn key = symmetricKey();
        assertFails(() -> grants.list(key, Optional.empty(), Optional.empty(), 0, null), KmsError.Validation,
                "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have "
                        + "value greater than or equal to 1");
        assertFails(() -> grants.list(key, Optional.empty(), Optional.empty(), 101, null), KmsError.Validation,
                "1 validation error detected: Value '101' at 'limit' failed to satisfy constraint: Member must have "
                        + "value less than or equal to 100");
        assertFails(() -> grants.listRetirable(RETIRER, 101, null), KmsError.Validation,
                "1 validation error detected: Value '101' at 'limit' failed to satisfy constraint: Member must have "
                        + "value less than or equal to 100");
        assertThat(grants.list(key, Optional.empty(), Optional.empty(), 100, null).items()).isEmpty();
    }

    @Test
    void bogusMarkersAreInvalidMarker() {
        KeyArn key = symmetricKey();
        String otherKind = Base64.getUrlEncoder().withoutPadding().encodeToString("m1:abc".getBytes());
        String badId = Base64.getUrlEncoder().withoutPadding().encodeToString("g1:xyz".getBytes());
        for (String marker : List.of("", "not base64!", otherKind, badId, "A".repeat(1025))) {
            assertFails(() -> grants.list(key, Optional.empty(), Optional.empty(), 10, marker),
                    KmsError.InvalidMarker, "The marker is not valid.");
            assertFails(() -> grants.listRetirable(RETIRER, 10, marker), KmsError.InvalidMarker,
                    "The marker is not valid.");
        }
    }

    @Test
    void listingAnUnknownKeyIsNotFound() {
        KeyArn unknown = Ids.unknownKey();
        assertFails(() -> all(unknown), KmsError.NotFound, "Key '" + unknown + "' does not exist");
    }

    @Test
    void endedGrantsAreNotListed() {
        KeyArn key = symmetricKey();
        CreatedGrant retired = grants.create(request(key, ALICE, Encrypt).withRetiringPrincipal(RETIRER));
        CreatedGrant revoked = grants.create(request(key, ALICE, Encrypt).withRetiringPrincipal(RETIRER));
        CreatedGrant kept = grants.create(request(key, ALICE, Encrypt).withRetiringPrincipal(RETIRER));
        grants.retire(key, retired.grantId());
        grants.revoke(key, revoked.grantId());
        assertThat(all(key).items()).extracting(Grant::grantId).containsExactly(kept.grantId());
        assertThat(grants.listRetirable(RETIRER, 50, null).items()).extracting(Grant::grantId)
                .containsExactly(kept.grantId());
        assertThat(grants.list(key, Optional.of(retired.grantId()), Optional.empty(), 50, null).items()).isEmpty();
    }

    @Test
    void retirableGrantsAreExactlyThoseNamingThePrincipalOnAnyKeyOfAnyAccount() { // kms-api §6 #51
        KeyArn mine = symmetricKey();
        KeyArn theirs = symmetricKey(OTHER_ACCOUNT);
        List<GrantId> expected = new ArrayList<>();
        expected.add(grants.create(request(mine, ALICE, Encrypt).withRetiringPrincipal(RETIRER)).grantId());
        expected.add(grants.create(request(theirs, BOB, Decrypt).withRetiringPrincipal(RETIRER)).grantId());
        expected.add(grants.create(request(theirs, ALICE, Decrypt).withRetiringPrincipal(RETIRER)).grantId());
        grants.create(request(mine, ALICE, Encrypt).withRetiringPrincipal(BOB));
        grants.create(request(mine, RETIRER, Encrypt)); // the grantee, not the retiring principal
        List<GrantId> seen = new ArrayList<>();
        String marker = null;
        do {
            Page<Grant> page = grants.listRetirable(RETIRER, 2, marker);
            page.items().forEach(g -> seen.add(g.grantId()));
            marker = page.nextMarker().orElse(null);
        } while (marker != null);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(expected).doesNotHaveDuplicates();
    }
}
