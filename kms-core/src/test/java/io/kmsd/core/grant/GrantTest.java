package io.kmsd.core.grant;

import static io.kmsd.core.testing.KmsAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmsd.core.NewGrant;
import io.kmsd.core.error.KmsError;
import io.kmsd.core.key.KeyArn;
import io.kmsd.core.testing.Ids;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Grant record and the CreateGrant request: immutable, validated, and the §4.9 idempotency rule. */
class GrantTest {
    static final KeyArn KEY = Ids.unknownKey();
    static final GrantPrincipal ALICE = new GrantPrincipal("arn:aws:iam::111122223333:user/alice");
    static final GrantPrincipal BOB = new GrantPrincipal("arn:aws:iam::111122223333:user/bob");

    static Grant grant(Set<GrantOperation> ops) {
        return new Grant(GrantId.random(), KEY, Optional.of(new GrantName("n")), Instant.EPOCH, ALICE,
                Optional.empty(), KEY.account(), ops, Optional.empty(), GrantState.ACTIVE);
    }

    @Test
    void aGrantNeedsAnOperation() {
        assertThatThrownBy(() -> grant(Set.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> grant(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void operationsAreCopiedAndImmutable() {
        EnumSet<GrantOperation> ops = EnumSet.of(GrantOperation.Encrypt);
        Grant g = grant(ops);
        ops.add(GrantOperation.Decrypt);
        assertThat(g.operations()).containsExactly(GrantOperation.Encrypt);
        assertThatThrownBy(() -> g.operations().add(GrantOperation.Sign))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void issuingAccountIsShownAsTheRootArn() {
        assertThat(grant(Set.of(GrantOperation.Encrypt)).issuingAccountArn())
                .isEqualTo("arn:aws:iam::" + KEY.account() + ":root");
    }

    @Test
    void withStateChangesOnlyTheState() {
        Grant g = grant(Set.of(GrantOperation.Encrypt));
        Grant revoked = g.withState(GrantState.REVOKED);
        assertThat(revoked.isActive()).isFalse();
        assertThat(revoked.withState(GrantState.ACTIVE)).isEqualTo(g);
    }

    @Test
    void aRequestWithoutOperationsIsAValidationError() { // kms-api §4.9 Operations non-empty
        assertFails(() -> NewGrant.of(KEY, ALICE, Set.of()), KmsError.Validation,
                "Operations must name at least one grant operation.");
    }

    @Test
    void onlyANamedRequestWithIdenticalParametersRepeatsAGrant() { // kms-api §4.9 idempotent Name
        NewGrant request = NewGrant.of(KEY, ALICE, Set.of(GrantOperation.Encrypt)).withName(new GrantName("n"));
        Grant existing = grant(Set.of(GrantOperation.Encrypt));
        assertThat(request.repeats(existing)).isTrue();
        assertThat(NewGrant.of(KEY, ALICE, Set.of(GrantOperation.Encrypt)).repeats(existing)).isFalse();
        assertThat(request.withName(new GrantName("other")).repeats(existing)).isFalse();
        assertThat(NewGrant.of(KEY, BOB, Set.of(GrantOperation.Encrypt)).withName(new GrantName("n"))
                .repeats(existing)).isFalse();
        assertThat(request.withRetiringPrincipal(BOB).repeats(existing)).isFalse();
        assertThat(request.withConstraints(GrantConstraints.subsetOf(Map.of("a", "b"))).repeats(existing)).isFalse();
        assertThat(NewGrant.of(KEY, ALICE, Set.of(GrantOperation.Encrypt, GrantOperation.Decrypt))
                .withName(new GrantName("n")).repeats(existing)).isFalse();
        assertThat(NewGrant.of(Ids.unknownKey(), ALICE, Set.of(GrantOperation.Encrypt)).withName(new GrantName("n"))
                .repeats(existing)).isFalse();
    }
}
