package io.kmsd.api.protocol;

import io.kmsd.api.auth.Principal;
import io.kmsd.api.authz.AuthzDecision;
import io.kmsd.core.error.KmsError;
import io.kmsd.core.key.KeyArn;
import io.kmsd.core.key.KeyState;
import io.kmsd.core.key.Region;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the audit hook learns of one request, whatever its outcome: request id, operation (as sent, or
 * {@code Unknown}), arrival time, caller and Region once authenticated (else the access key id and Region the
 * request claimed, if any), the keys it touched with their state before, the authorizer's decisions, the
 * request and response members the hook asked for ({@link SafeMembers}: text only, never a blob), and the
 * error type and message if it failed. Holds no plaintext, no ciphertext, no key material and no request body.
 */
public record CallRecord(String requestId, String operation, Instant time, Optional<Principal> principal,
                         Optional<Region> region, Call.ClientInfo client, Optional<Claimed> claimed,
                         List<KeyArn> keys, Map<KeyArn, KeyState> statesBefore, List<AuthzDecision> decisions,
                         Map<String, Object> requestMembers, Map<String, Object> responseMembers,
                         Optional<KmsError> error, String errorMessage) {

    /** The access key id and credential-scope Region an unauthenticated request presented. */
    public record Claimed(String accessKeyId, String region) {
    }

    public CallRecord {
        keys = List.copyOf(keys);
        statesBefore = Map.copyOf(statesBefore);
        decisions = List.copyOf(decisions);
        requestMembers = Map.copyOf(requestMembers);
        responseMembers = Map.copyOf(responseMembers);
        errorMessage = errorMessage == null ? "" : errorMessage;
    }

    public boolean succeeded() {
        return error.isEmpty();
    }
}
