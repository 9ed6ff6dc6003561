package io.kmsd.api.operation;

import io.kmsd.api.protocol.Call;
import io.kmsd.core.DataKey;
import io.kmsd.core.crypto.EncryptionContext;
import io.kmsd.core.key.KeyFacts;
import io.kmsd.core.key.KeyOperation;

/** The common path of the two data-key operations: size rule, authorize, checks, DryRun, core. */
final class DataKeys {
    private DataKeys() {
    }

    static DataKey generate(KeyAccess access, Call call, DataKeyRequest r, KeyOperation op, String action) {
        int length = r.length();
        EncryptionContext context = Contexts.of("EncryptionContext", r.encryptionContext());
        KeyFacts key = access.authorize(call, r.keyId(), KeyAccess.Ref.ID_ARN_OR_ALIAS, action,
                call.facts().withEncryptionContext(context).withGrantTokens(r.grantTokens()));
        CryptoChecks.symmetric(op, key);
        CryptoChecks.stopIfDryRun(r.dryRun());
        return access.keys().generateDataKey(key.arn(), length, context);
    }
}
