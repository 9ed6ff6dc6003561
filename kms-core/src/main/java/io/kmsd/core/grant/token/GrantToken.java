package io.kmsd.core.grant.token;

import io.kmsd.core.grant.Grant;
import io.kmsd.core.key.KeyArn;
import java.util.Objects;
import java.util.Optional;

/**
 * A grant token whose tag was verified, with the grant it encodes (state ACTIVE, no name: the token says what
 * the grant was when it was created, not whether it still is). Only {@link GrantTokens} makes these.
 */
public final class GrantToken {
    private final String text;
    private final Grant grant;

    GrantToken(String text, Grant grant) {
        this.text = Objects.requireNonNull(text);
        this.grant = Objects.requireNonNull(grant);
    }

    /** The token exactly as presented. */
    public String text() {
        return text;
    }

    public Grant grant() {
        return grant;
    }

    /**
     * The grant, if it is a grant of {@code key}; empty otherwise. A token minted for one key never opens
     * another: kms-api §4.0 says such a token is ignored.
     */
    public Optional<Grant> grantFor(KeyArn key) {
        return grant.keyArn().equals(key) ? Optional.of(grant) : Optional.empty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GrantToken other && other.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return "GrantToken[grant " + grant.grantId() + " on " + grant.keyArn() + "]";
    }
}
