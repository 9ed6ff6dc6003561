package io.kmsd.api.operation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kmsd.api.protocol.Call;
import io.kmsd.core.RotationStatus;
import io.kmsd.core.key.KeyFacts;
import java.time.Instant;

/**
 * GetKeyRotationStatus (kms-api §4.7, X-acct by ARN): period and next date only while rotation is on;
 * asymmetric/HMAC keys and keys pending deletion report {@code false} (core's rule).
 */
public final class GetKeyRotationStatusHandler extends BaseHandler<KeyIdRequest> {

    public GetKeyRotationStatusHandler(KeyAccess access) {
        super("GetKeyRotationStatus", KeyIdRequest.class, access);
    }

    public record Response(@JsonProperty("KeyRotationEnabled") boolean keyRotationEnabled,
                           @JsonProperty("KeyId") String keyId,
                           @JsonProperty("RotationPeriodInDays") Integer rotationPeriodInDays,
                           @JsonProperty("NextRotationDate") Instant nextRotationDate,
                           @JsonProperty("OnDemandRotationStartDate") Instant onDemandRotationStartDate) {
    }

    @Override
    public Response handle(Call call, KeyIdRequest r) {
        KeyFacts key = access.authorize(call, r.keyId(), KeyAccess.Ref.ID_OR_ARN, action(), call.facts());
        RotationStatus s = access.keys().rotationStatus(key.arn());
        return new Response(s.keyRotationEnabled(), key.arn().toString(), s.rotationPeriodInDays(),
                s.nextRotationDate(), s.onDemandRotationStartDate());
    }
}
