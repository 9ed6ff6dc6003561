package io.kmsd.api.operation;

import io.kmsd.api.protocol.Call;
import io.kmsd.api.protocol.NoOutput;
import io.kmsd.core.key.KeyFacts;

/** EnableKey (kms-api §4.1): key id or ARN; idempotent. */
public final class EnableKeyHandler extends BaseHandler<KeyIdRequest> {

    public EnableKeyHandler(KeyAccess access) {
        super("EnableKey", KeyIdRequest.class, access);
    }

    @Override
    public NoOutput handle(Call call, KeyIdRequest r) {
        KeyFacts key = access.authorize(call, r.keyId(), KeyAccess.Ref.ID_OR_ARN, action(), call.facts());
        access.keys().enable(key.arn());
        return NoOutput.INSTANCE;
    }
}
