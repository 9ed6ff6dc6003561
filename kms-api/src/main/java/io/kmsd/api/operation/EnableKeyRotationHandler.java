package io.kmsd.api.operation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kmsd.api.authz.OperationFacts;
import io.kmsd.api.protocol.Call;
import io.kmsd.api.protocol.NoOutput;
import io.kmsd.api.wire.Shapes;
import io.kmsd.api.wire.Violations;
import io.kmsd.api.wire.WireRequest;
import io.kmsd.core.key.KeyFacts;

/**
 * EnableKeyRotation (kms-api §4.7): {@code RotationPeriodInDays} 90–2560, default 365 (core's); also changes
 * the period of a key whose rotation is on. Only symmetric AWS_KMS keys rotate (core: UnsupportedOperation).
 */
public final class EnableKeyRotationHandler extends BaseHandler<EnableKeyRotationHandler.Request> {

    public EnableKeyRotationHandler(KeyAccess access) {
        super("EnableKeyRotation", Request.class, access);
    }

    public record Request(@JsonProperty("KeyId") String keyId,
                          @JsonProperty("RotationPeriodInDays") Integer rotationPeriodInDays) implements WireRequest {
        @Override
        public void validate(Violations v) {
            Shapes.keyId(v, "keyId", keyId, true);
            v.range("rotationPeriodInDays", rotationPeriodInDays, 90, 2560); // kms-api §5
        }
    }

    @Override
    public NoOutput handle(Call call, Request r) {
        KeyFacts key = access.authorize(call, r.keyId(), KeyAccess.Ref.ID_OR_ARN, action(), call.facts()
                .with(new OperationFacts.RotationPeriod(r.rotationPeriodInDays())));
        access.keys().enableKeyRotation(key.arn(), r.rotationPeriodInDays());
        return NoOutput.INSTANCE;
    }
}
