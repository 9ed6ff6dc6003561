package io.kmsd.api.operation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kmsd.api.protocol.Call;
import io.kmsd.api.protocol.NoOutput;
import io.kmsd.api.wire.Shapes;
import io.kmsd.api.wire.Violations;
import io.kmsd.api.wire.WireRequest;
import io.kmsd.core.key.KeyFacts;
import java.util.List;

/**
 * PutKeyPolicy (kms-api §4.8). For now the text is stored as given (size limit: core's LimitExceeded); the
 * document checks and the lockout safety check arrive with the policy engine.
 */
public final class PutKeyPolicyHandler extends BaseHandler<PutKeyPolicyHandler.Request> {

    public PutKeyPolicyHandler(KeyAccess access) {
        super("PutKeyPolicy", Request.class, access);
    }

    public record Request(@JsonProperty("KeyId") String keyId, @JsonProperty("PolicyName") String policyName,
                          @JsonProperty("Policy") String policy,
                          @JsonProperty("BypassPolicyLockoutSafetyCheck") Boolean bypassPolicyLockoutSafetyCheck)
            implements WireRequest {
        @Override
        public void validate(Violations v) {
            Shapes.keyId(v, "keyId", keyId, true);
            Shapes.policyName(v, policyName);
            Shapes.policy(v, policy, true);
        }
    }

    @Override
    public NoOutput handle(Call call, Request r) {
        boolean bypass = Boolean.TRUE.equals(r.bypassPolicyLockoutSafetyCheck());
        KeyFacts key = access.authorize(call, r.keyId(), KeyAccess.Ref.ID_OR_ARN, action(), call.facts()
                .withConditionKey("kms:BypassPolicyLockoutSafetyCheck", List.of(String.valueOf(bypass))));
        KeyPolicies.requireDefault(r.policyName(), key.arn());
        access.keys().putPolicy(key.arn(), r.policy());
        return NoOutput.INSTANCE;
    }
}
