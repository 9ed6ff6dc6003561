package io.kmsd.api.operation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kmsd.api.protocol.Call;
import io.kmsd.core.key.KeyFacts;

/** CancelKeyDeletion (kms-api §4.1): back to Disabled; a key not pending deletion is KMSInvalidState. */
public final class CancelKeyDeletionHandler extends BaseHandler<KeyIdRequest> {

    public CancelKeyDeletionHandler(KeyAccess access) {
        super("CancelKeyDeletion", KeyIdRequest.class, access);
    }

    public record Response(@JsonProperty("KeyId") String keyId) {
    }

    @Override
    public Response handle(Call call, KeyIdRequest r) {
        KeyFacts key = access.authorize(call, r.keyId(), KeyAccess.Ref.ID_OR_ARN, action(), call.facts());
        return new Response(access.keys().cancelDeletion(key.arn()).arn().toString());
    }
}
