package io.kmsd.api.operation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kmsd.api.protocol.Call;
import io.kmsd.core.key.KeyFacts;

/**
 * RotateKeyOnDemand (kms-api §4.7): the new material is current when the call returns; 25 per key, then
 * LimitExceeded; an automatic rotation due within 20 minutes → Conflict (both core's).
 */
public final class RotateKeyOnDemandHandler extends BaseHandler<KeyIdRequest> {

    public RotateKeyOnDemandHandler(KeyAccess access) {
        super("RotateKeyOnDemand", KeyIdRequest.class, access);
    }

    public record Response(@JsonProperty("KeyId") String keyId) {
    }

    @Override
    public Response handle(Call call, KeyIdRequest r) {
        KeyFacts key = access.authorize(call, r.keyId(), KeyAccess.Ref.ID_OR_ARN, action(), call.facts());
        access.keys().rotateOnDemand(key.arn());
        return new Response(key.arn().toString());
    }
}
