package io.kmsd.api.protocol;

import io.kmsd.api.auth.Principal;
import io.kmsd.api.authz.AuthzDecision;
import io.kmsd.core.error.KmsError;
import io.kmsd.core.key.KeyArn;
import io.kmsd.core.key.Region;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the audit hook learns of one request, whatever its outcome: request id, operation (as sent, or
 * {@code Unknown}), caller and Region once authenticated, the keys it touched, the authorizer's decisions,
 * and the error type and message if it failed. Holds no plaintext, no key material and no request body.
 */
public record CallRecord(String requestId, String operation, Instant time, Optional<Principal> principal,
                         Optional<Region> region, Call.ClientInfo client, List<KeyArn> keys,
                         List<AuthzDecision> decisions, Optional<KmsError> error, String errorMessage) {

    public boolean succeeded() {
        return error.isEmpty();
    }
}
