package io.kmsd.api.operation;

import io.kmsd.api.protocol.Call;
import io.kmsd.api.protocol.NoOutput;
import io.kmsd.core.alias.AliasArn;
import io.kmsd.core.key.KeyFacts;

/**
 * CreateAlias (kms-api §4.2): the action is authorized on the alias ARN (IAM) and on the target key (key
 * policy), as kms-api §2 "Authorization defaults" says. Reserved names, duplicates and the 50-alias limit are
 * core's rules.
 */
public final class CreateAliasHandler extends BaseHandler<AliasTargetRequest> {

    public CreateAliasHandler(KeyAccess access) {
        super("CreateAlias", AliasTargetRequest.class, access);
    }

    @Override
    public NoOutput handle(Call call, AliasTargetRequest r) {
        AliasArn alias = AliasRequests.arnOf(call, r.aliasName());
        access.authorizeAlias(call, alias, action(), call.facts());
        KeyFacts target = access.authorize(call, r.targetKeyId(), KeyAccess.Ref.ID_OR_ARN, action(), call.facts());
        access.keys().createAlias(alias, target.arn());
        return NoOutput.INSTANCE;
    }
}
