package io.kmsd.api.operation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kmsd.api.protocol.Call;
import io.kmsd.api.wire.Shapes;
import io.kmsd.api.wire.Violations;
import io.kmsd.api.wire.WireRequest;
import io.kmsd.core.key.KeyFacts;

/** GetKeyPolicy (kms-api §4.8): the text exactly as stored. */
public final class GetKeyPolicyHandler extends BaseHandler<GetKeyPolicyHandler.Request> {

    public GetKeyPolicyHandler(KeyAccess access) {
        super("GetKeyPolicy", Request.class, access);
    }

    public record Request(@JsonProperty("KeyId") String keyId, @JsonProperty("PolicyName") String policyName)
            implements WireRequest {
        @Override
        public void validate(Violations v) {
            Shapes.keyId(v, "keyId", keyId, true);
            Shapes.policyName(v, policyName);
        }
    }

    public record Response(@JsonProperty("Policy") String policy, @JsonProperty("PolicyName") String policyName) {
    }

    @Override
    public Response handle(Call call, Request r) {
        KeyFacts key = access.authorize(call, r.keyId(), KeyAccess.Ref.ID_OR_ARN, action(), call.facts());
        KeyPolicies.requireDefault(r.policyName(), key.arn());
        return new Response(access.keys().policy(key.arn()), KeyPolicies.DEFAULT);
    }
}
