package io.kmsd.api.operation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kmsd.api.authz.OperationFacts;
import io.kmsd.api.authz.RequestFacts;
import io.kmsd.api.protocol.Call;
import io.kmsd.api.protocol.NoOutput;
import io.kmsd.api.wire.Shapes;
import io.kmsd.api.wire.Violations;
import io.kmsd.api.wire.WireRequest;
import io.kmsd.core.key.KeyFacts;
import java.util.Optional;

/**
 * PutKeyPolicy (kms-api §4.8): authorized like any key operation, then the new document is validated
 * (MalformedPolicyDocument, LimitExceeded) and the lockout safety check runs unless
 * {@code BypassPolicyLockoutSafetyCheck} is true (key-policy-semantics L1–L4). The text is stored as sent.
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
        RequestFacts facts = call.facts().with(
                new OperationFacts.PolicyWrite(Optional.ofNullable(r.bypassPolicyLockoutSafetyCheck())));
        KeyFacts key = access.authorize(call, r.keyId(), KeyAccess.Ref.ID_OR_ARN, action(), facts);
        KeyPolicies.requireDefault(r.policyName(), key.arn());
        access.checkKeyPolicy(call, key, action(), facts, r.policy());
        access.keys().putPolicy(key.arn(), r.policy());
        return NoOutput.INSTANCE;
    }
}
