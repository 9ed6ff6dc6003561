package io.kmsd.core.grant.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.kmsd.core.error.KmsError;
import io.kmsd.core.error.KmsException;
import io.kmsd.core.grant.Grant;
import io.kmsd.core.grant.GrantConstraints;
import io.kmsd.core.grant.GrantId;
import io.kmsd.core.grant.GrantOperation;
import io.kmsd.core.grant.GrantPrincipal;
import io.kmsd.core.grant.GrantState;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Token properties: nothing but a minted token decodes; every grant survives the round trip. */
class GrantTokensProperties {
    private final GrantTokens tokens = new GrantTokens(DerivingRoot.random());

    private void assertInvalid(String text) {
        Throwable thrown = catchThrowable(() -> tokens.decode(text));
        assertThat(thrown).isInstanceOf(KmsException.class);
        assertThat(((KmsException) thrown).error()).isEqualTo(KmsError.InvalidGrantToken);
    }

    @Property
    void arbitraryTextNeverDecodes(@ForAll String text) {
        assertInvalid(text);
    }

    @Property
    void arbitraryBytesInTokenFormNeverDecode(@ForAll @Size(max = 600) byte[] bytes) {
        assertInvalid(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    @Property
    void everyGrantRoundTrips(@ForAll("grants") Grant grant) {
        assertThat(tokens.decode(tokens.mint(grant)).grant()).isEqualTo(grant);
    }

    @Provide
    Arbitrary<Grant> grants() {
        Arbitrary<Set<GrantOperation>> ops = Arbitraries.of(GrantOperation.class).set().ofMinSize(1);
        Arbitrary<String> text = Arbitraries.strings().ofMinLength(1).ofMaxLength(40);
        Arbitrary<Map<String, String>> pairs = Arbitraries.maps(text, Arbitraries.strings().ofMaxLength(60))
                .ofMinSize(1).ofMaxSize(GrantConstraints.MAX_PAIRS);
        Arbitrary<Optional<GrantConstraints>> constraints = Arbitraries.oneOf(
                Arbitraries.just(Optional.empty()),
                pairs.map(p -> Optional.of(GrantConstraints.equalsContext(p))),
                pairs.map(p -> Optional.of(GrantConstraints.subsetOf(p))));
        Arbitrary<Optional<GrantPrincipal>> retiring = Arbitraries.of(Optional.empty(),
                Optional.of(new GrantPrincipal("arn:aws:iam::444455556666:role/R")));
        Arbitrary<Long> millis = Arbitraries.longs().between(0, 4_102_444_800_000L);
        return net.jqwik.api.Combinators.combine(ops, constraints, retiring, millis)
                .as((o, c, r, t) -> new Grant(GrantId.random(), TokenFixtures.KEY, Optional.empty(),
                        Instant.ofEpochMilli(t), new GrantPrincipal("arn:aws:iam::111122223333:user/u"), r,
                        TokenFixtures.KEY.account(), o, c, GrantState.ACTIVE));
    }
}
