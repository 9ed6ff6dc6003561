package io.kmsd.api.operation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kmsd.api.authz.OperationFacts;
import io.kmsd.api.protocol.Call;
import io.kmsd.api.protocol.NoOutput;
import io.kmsd.api.wire.Shapes;
import io.kmsd.api.wire.Violations;
import io.kmsd.api.wire.WireRequest;
import io.kmsd.core.error.KmsException;
import io.kmsd.core.grant.Grant;
import io.kmsd.core.grant.GrantId;
import io.kmsd.core.grant.token.GrantToken;
import io.kmsd.core.key.KeyArn;
import java.util.List;

/**
 * RetireGrant (kms-api §4.9): the grant named by {@code GrantToken}, or by {@code KeyId} (id or ARN) and
 * {@code GrantId}; neither → ValidationException, a grant that is not active → InvalidGrantIdException. Who may
 * retire it is key-policy-semantics E16: its retiring principal, its grantee if it lists RetireGrant, or the
 * issuing account (root or IAM-allowed) — never a key-policy allow (E19). DryRun changes nothing.
 */
public final class RetireGrantHandler extends BaseHandler<RetireGrantHandler.Request> {

    public RetireGrantHandler(KeyAccess access) {
        super("RetireGrant", Request.class, access);
    }

    public record Request(@JsonProperty("GrantToken") String grantToken, @JsonProperty("KeyId") String keyId,
                          @JsonProperty("GrantId") String grantId, @JsonProperty("DryRun") Boolean dryRun)
            implements WireRequest {
        @Override
        public void validate(Violations v) {
            v.length("grantToken", grantToken, 1, 8192);
            Shapes.keyId(v, "keyId", keyId, false);
            GrantShapes.grantId(v, grantId, false);
        }
    }

    @Override
    public NoOutput handle(Call call, Request r) {
        if (r.grantToken() == null && (r.keyId() == null || r.grantId() == null)) {
            throw KmsException.validation("Either GrantToken, or both KeyId and GrantId, must be specified.");
        }
        Grant target = r.grantToken() != null ? byToken(r.grantToken()) : byId(call, r);
        List<String> tokens = r.grantToken() == null ? List.of() : List.of(r.grantToken());
        access.authorize(call, target.keyArn(), action(), call.facts().withGrantTokens(tokens)
                .with(new OperationFacts.GrantRetirement(target)));
        CryptoChecks.stopIfDryRun(r.dryRun());
        access.grants().retire(target.keyArn(), target.grantId());
        return NoOutput.INSTANCE;
    }

    /** The grant a token names, as the database knows it now (a token never revives an ended grant, E15). */
    private Grant byToken(String text) {
        GrantToken token = access.grants().decodeToken(text);
        return access.grants().activeGrant(token.grant().keyArn(), token.grant().grantId());
    }

    private Grant byId(Call call, Request r) {
        GrantId id = GrantId.parse(r.grantId());
        KeyArn key = access.keys().resolve(r.keyId(), call.account(), call.region(), false).arn();
        return access.grants().activeGrant(key, id);
    }
}
