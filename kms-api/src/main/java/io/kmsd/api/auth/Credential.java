package io.kmsd.api.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One access key of the identities file: its secret, the principal it acts as, and for temporary (role
 * session) keys the session token and expiry (kms-api §1.5 step 5). Never prints the secret or the token.
 */
public record Credential(String accessKeyId, String secret, Principal principal, Optional<String> sessionToken,
                         Optional<Instant> expiration, boolean active) {

    public Credential {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(principal, "principal");
        sessionToken = sessionToken == null ? Optional.empty() : sessionToken;
        expiration = expiration == null ? Optional.empty() : expiration;
    }

    @Override
    public String toString() {
        return "Credential[" + accessKeyId + " → " + principal.arn() + (active ? "" : ", inactive") + "]";
    }
}
