package io.kmsd.api.operation;

import io.kmsd.api.authz.OperationFacts;
import io.kmsd.api.protocol.Call;
import io.kmsd.core.GeneratedKeyPair;
import io.kmsd.core.crypto.EncryptionContext;
import io.kmsd.core.key.KeyFacts;
import io.kmsd.core.key.KeyOperation;
import io.kmsd.core.key.KeySpec;

/**
 * The common path of the two data-key-pair operations (kms-api §4.5): context and {@code kms:DataKeyPairSpec},
 * authorize, a symmetric encryption key only, DryRun, then core makes a fresh pair and seals its PKCS#8 private
 * key under the key, bound to the context.
 */
final class DataKeyPairs {
    private DataKeyPairs() {
    }

    static GeneratedKeyPair generate(KeyAccess access, Call call, DataKeyPairRequest r, KeyOperation op,
                                     String action) {
        EncryptionContext context = Contexts.of("EncryptionContext", r.encryptionContext());
        KeyFacts key = access.authorize(call, r.keyId(), KeyAccess.Ref.ID_ARN_OR_ALIAS, action,
                call.facts().withEncryptionContext(context).withGrantTokens(r.grantTokens())
                        .with(new OperationFacts.DataKeyPair(r.keyPairSpec())));
        CryptoChecks.symmetric(op, key);
        CryptoChecks.stopIfDryRun(r.dryRun());
        return access.keys().generateDataKeyPair(key.arn(), KeySpec.valueOf(r.keyPairSpec()), context);
    }
}
