package io.kmsd.api.operation;

import io.kmsd.api.protocol.Call;
import io.kmsd.api.protocol.NoOutput;
import io.kmsd.core.key.KeyFacts;

/** DisableKeyRotation (kms-api §4.7): same eligibility as EnableKeyRotation; idempotent. */
public final class DisableKeyRotationHandler extends BaseHandler<KeyIdRequest> {

    public DisableKeyRotationHandler(KeyAccess access) {
        super("DisableKeyRotation", KeyIdRequest.class, access);
    }

    @Override
    public NoOutput handle(Call call, KeyIdRequest r) {
        KeyFacts key = access.authorize(call, r.keyId(), KeyAccess.Ref.ID_OR_ARN, action(), call.facts());
        access.keys().disableKeyRotation(key.arn());
        return NoOutput.INSTANCE;
    }
}
