package io.kmsd.api.operation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kmsd.api.protocol.Call;
import io.kmsd.api.protocol.NoOutput;
import io.kmsd.api.wire.Shapes;
import io.kmsd.api.wire.Violations;
import io.kmsd.api.wire.WireRequest;
import io.kmsd.core.alias.AliasArn;
import io.kmsd.core.error.KmsException;
import io.kmsd.core.key.KeyArn;

/** DeleteAlias (kms-api §4.2): authorized on the alias ARN and its key; missing → {@code Alias <arn> is not found.} */
public final class DeleteAliasHandler extends BaseHandler<DeleteAliasHandler.Request> {

    public DeleteAliasHandler(KeyAccess access) {
        super("DeleteAlias", Request.class, access);
    }

    public record Request(@JsonProperty("AliasName") String aliasName) implements WireRequest {
        @Override
        public void validate(Violations v) {
            Shapes.aliasName(v, aliasName);
        }
    }

    @Override
    public NoOutput handle(Call call, Request r) {
        AliasArn alias = AliasRequests.arnOf(call, r.aliasName());
        KeyArn target = access.keys().aliasTarget(alias)
                .orElseThrow(() -> KmsException.notFound("Alias " + alias + " is not found."));
        access.authorizeAlias(call, alias, action(), call.facts());
        access.authorize(call, target, action(), call.facts());
        access.keys().deleteAlias(alias);
        return NoOutput.INSTANCE;
    }
}
