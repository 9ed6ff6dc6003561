package io.kmsd.api.operation;

import io.kmsd.api.protocol.Call;
import io.kmsd.api.protocol.NoOutput;
import io.kmsd.core.alias.AliasArn;
import io.kmsd.core.error.KmsException;
import io.kmsd.core.key.KeyArn;
import io.kmsd.core.key.KeyFacts;

/**
 * UpdateAlias (kms-api §4.2): authorized on the alias ARN and on both the old and the new key (kms-api §2);
 * the key-class/usage compatibility rule is core's.
 */
public final class UpdateAliasHandler extends BaseHandler<AliasTargetRequest> {

    public UpdateAliasHandler(KeyAccess access) {
        super("UpdateAlias", AliasTargetRequest.class, access);
    }

    @Override
    public NoOutput handle(Call call, AliasTargetRequest r) {
        AliasArn alias = AliasRequests.arnOf(call, r.aliasName());
        KeyArn current = access.keys().aliasTarget(alias)
                .orElseThrow(() -> KmsException.notFound("Alias " + alias + " is not found."));
        access.authorizeAlias(call, alias, action(), call.facts());
        access.authorize(call, current, action(), call.facts());
        KeyFacts target = access.authorize(call, r.targetKeyId(), KeyAccess.Ref.ID_OR_ARN, action(), call.facts());
        access.keys().updateAlias(alias, target.arn());
        return NoOutput.INSTANCE;
    }
}
