package io.kmsd.api.operation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kmsd.api.protocol.Call;
import io.kmsd.api.protocol.NoOutput;
import io.kmsd.api.wire.Shapes;
import io.kmsd.api.wire.Violations;
import io.kmsd.api.wire.WireRequest;
import io.kmsd.core.grant.GrantId;
import io.kmsd.core.key.KeyFacts;

/**
 * RevokeGrant (kms-api §4.9): needs {@code kms:RevokeGrant} on the key from its policy (and IAM); grants never
 * allow it (key-policy-semantics E17). A grant that is not active on that key → InvalidGrantIdException. Takes
 * effect at once on this node; other nodes refuse the grant, and its token, once they refresh.
 */
public final class RevokeGrantHandler extends BaseHandler<RevokeGrantHandler.Request> {

    public RevokeGrantHandler(KeyAccess access) {
        super("RevokeGrant", Request.class, access);
    }

    public record Request(@JsonProperty("KeyId") String keyId, @JsonProperty("GrantId") String grantId,
                          @JsonProperty("DryRun") Boolean dryRun) implements WireRequest {
        @Override
        public void validate(Violations v) {
            Shapes.keyId(v, "keyId", keyId, true);
            GrantShapes.grantId(v, grantId, true);
        }
    }

    @Override
    public NoOutput handle(Call call, Request r) {
        GrantId id = GrantId.parse(r.grantId());
        KeyFacts key = access.authorize(call, r.keyId(), KeyAccess.Ref.ID_OR_ARN, action(), call.facts());
        if (Boolean.TRUE.equals(r.dryRun())) {
            access.grants().activeGrant(key.arn(), id);
            CryptoChecks.stopIfDryRun(true);
        }
        access.grants().revoke(key.arn(), id);
        return NoOutput.INSTANCE;
    }
}
