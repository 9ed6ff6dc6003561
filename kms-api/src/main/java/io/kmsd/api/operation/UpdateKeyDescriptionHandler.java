package io.kmsd.api.operation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kmsd.api.protocol.Call;
import io.kmsd.api.protocol.NoOutput;
import io.kmsd.api.wire.Shapes;
import io.kmsd.api.wire.Violations;
import io.kmsd.api.wire.WireRequest;
import io.kmsd.core.key.KeyFacts;

/** UpdateKeyDescription (kms-api §4.1): {@code Description*} may be {@code ""}. */
public final class UpdateKeyDescriptionHandler extends BaseHandler<UpdateKeyDescriptionHandler.Request> {

    public UpdateKeyDescriptionHandler(KeyAccess access) {
        super("UpdateKeyDescription", Request.class, access);
    }

    public record Request(@JsonProperty("KeyId") String keyId, @JsonProperty("Description") String description)
            implements WireRequest {
        @Override
        public void validate(Violations v) {
            Shapes.keyId(v, "keyId", keyId, true);
            v.required("description", description).length("description", description, 0, 8192);
        }
    }

    @Override
    public NoOutput handle(Call call, Request r) {
        KeyFacts key = access.authorize(call, r.keyId(), KeyAccess.Ref.ID_OR_ARN, action(), call.facts());
        access.keys().updateDescription(key.arn(), r.description());
        return NoOutput.INSTANCE;
    }
}
