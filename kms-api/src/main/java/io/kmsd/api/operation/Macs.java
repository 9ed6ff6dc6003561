package io.kmsd.api.operation;

import io.kmsd.api.authz.OperationFacts;
import io.kmsd.api.protocol.Call;
import io.kmsd.api.wire.Blob;
import io.kmsd.api.wire.Shapes;
import io.kmsd.api.wire.Violations;
import io.kmsd.core.crypto.asymmetric.MacAlgorithm;
import io.kmsd.core.key.KeyFacts;
import io.kmsd.core.key.KeyOperation;
import io.kmsd.core.key.KeyUsage;
import java.util.List;

/**
 * The path GenerateMac and VerifyMac share up to the core call (kms-api §1.4, §4.6): {@code kms:MacAlgorithm},
 * authorization, state, usage {@code GENERATE_VERIFY_MAC}, the algorithm of the key's HMAC spec, then DryRun.
 */
final class Macs {
    private Macs() {
    }

    /** The members GenerateMac and VerifyMac share. */
    interface Request {
        Blob message();

        String keyId();

        String macAlgorithm();

        List<String> grantTokens();

        Boolean dryRun();
    }

    /** The members both requests start with, in the model's order: Message, KeyId, MacAlgorithm. */
    static void validate(Violations v, Request r) {
        Shapes.message(v, r.message());
        Shapes.keyId(v, "keyId", r.keyId(), true);
        Shapes.requiredOneOf(v, "macAlgorithm", r.macAlgorithm(), Shapes.MAC_ALGORITHM);
    }

    static KeyFacts check(KeyAccess access, Call call, Request r, KeyOperation op, String action) {
        KeyFacts key = access.authorize(call, r.keyId(), KeyAccess.Ref.ID_ARN_OR_ALIAS, action, call.facts()
                .withGrantTokens(r.grantTokens()).with(new OperationFacts.MacComputation(r.macAlgorithm())));
        CryptoChecks.usage(op, key, KeyUsage.GENERATE_VERIFY_MAC, r.macAlgorithm());
        CryptoChecks.stopIfDryRun(r.dryRun());
        return key;
    }

    static MacAlgorithm algorithm(Request r) {
        return MacAlgorithm.valueOf(r.macAlgorithm());
    }
}
