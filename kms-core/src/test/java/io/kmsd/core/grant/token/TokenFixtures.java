package io.kmsd.core.grant.token;

import io.kmsd.core.grant.Grant;
import io.kmsd.core.grant.GrantConstraints;
import io.kmsd.core.grant.GrantId;
import io.kmsd.core.grant.GrantOperation;
import io.kmsd.core.grant.GrantPrincipal;
import io.kmsd.core.grant.GrantState;
import io.kmsd.core.key.KeyArn;
import io.kmsd.core.testing.Ids;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;

/** Grants to put in tokens. */
final class TokenFixtures {
    static final KeyArn KEY = Ids.unknownKey();

    private TokenFixtures() {
    }

    /** A grant using every field: retiring principal, several operations, a constraint with non-ASCII text. */
    static Grant fullGrant() {
        return new Grant(GrantId.random(), KEY, Optional.empty(), Instant.parse("2030-01-01T00:00:00.123Z"),
                new GrantPrincipal("arn:aws:sts::444455556666:assumed-role/App/worker-7"),
                Optional.of(new GrantPrincipal("arn:aws:iam::111122223333:role/Retirer")), KEY.account(),
                EnumSet.of(GrantOperation.Encrypt, GrantOperation.Decrypt, GrantOperation.RetireGrant),
                Optional.of(GrantConstraints.subsetOf(Map.of("Department", "Zahlungsverkehr-Ü", "app", "ledger"))),
                GrantState.ACTIVE);
    }

    static Grant simpleGrant(KeyArn key) {
        return new Grant(GrantId.random(), key, Optional.empty(), Instant.parse("2030-01-01T00:00:00Z"),
                new GrantPrincipal("111122223333"), Optional.empty(), key.account(),
                EnumSet.of(GrantOperation.DescribeKey), Optional.empty(), GrantState.ACTIVE);
    }
}
