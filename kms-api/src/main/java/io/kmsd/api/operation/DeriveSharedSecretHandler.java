package io.kmsd.api.operation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kmsd.api.authz.OperationFacts;
import io.kmsd.api.protocol.Call;
import io.kmsd.api.wire.Blob;
import io.kmsd.api.wire.Shapes;
import io.kmsd.api.wire.Violations;
import io.kmsd.api.wire.WireRecipient;
import io.kmsd.api.wire.WireRequest;
import io.kmsd.core.crypto.Plaintext;
import io.kmsd.core.crypto.asymmetric.KeyAgreementAlgorithm;
import io.kmsd.core.key.KeyFacts;
import io.kmsd.core.key.KeyOperation;
import io.kmsd.core.key.KeyUsage;
import java.util.List;

/**
 * DeriveSharedSecret (kms-api §4.6): ECDH of a {@code KEY_AGREEMENT} key with a peer's DER SubjectPublicKeyInfo
 * on the same curve (else core's ValidationException with an empty message); the secret is sensitive.
 */
public final class DeriveSharedSecretHandler extends BaseHandler<DeriveSharedSecretHandler.Request> {

    public DeriveSharedSecretHandler(KeyAccess access) {
        super("DeriveSharedSecret", Request.class, access);
    }

    public record Request(@JsonProperty("KeyId") String keyId,
                          @JsonProperty("KeyAgreementAlgorithm") String keyAgreementAlgorithm,
                          @JsonProperty("PublicKey") Blob publicKey,
                          @JsonProperty("GrantTokens") List<String> grantTokens,
                          @JsonProperty("DryRun") Boolean dryRun,
                          @JsonProperty("Recipient") WireRecipient recipient) implements WireRequest {
        @Override
        public void validate(Violations v) {
            Shapes.keyId(v, "keyId", keyId, true);
            Shapes.requiredOneOf(v, "keyAgreementAlgorithm", keyAgreementAlgorithm, Shapes.KEY_AGREEMENT_ALGORITHM);
            v.required("publicKey", publicKey).length("publicKey", publicKey, 1, Shapes.MAX_PUBLIC_KEY, false);
            Shapes.grantTokens(v, grantTokens);
            if (recipient != null) {
                recipient.validate(v);
            }
        }
    }

    public record Response(@JsonProperty("KeyId") String keyId, @JsonProperty("SharedSecret") Blob sharedSecret,
                           @JsonProperty("KeyAgreementAlgorithm") String keyAgreementAlgorithm,
                           @JsonProperty("KeyOrigin") String keyOrigin) {
    }

    @Override
    public Response handle(Call call, Request r) {
        DryRuns.refuseRecipient(r.recipient());
        KeyFacts key = access.authorize(call, r.keyId(), KeyAccess.Ref.ID_ARN_OR_ALIAS, action(), call.facts()
                .withGrantTokens(r.grantTokens()).with(new OperationFacts.KeyAgreement(r.keyAgreementAlgorithm())));
        CryptoChecks.usage(KeyOperation.DeriveSharedSecret, key, KeyUsage.KEY_AGREEMENT, r.keyAgreementAlgorithm());
        CryptoChecks.stopIfDryRun(r.dryRun());
        Plaintext secret = access.keys().deriveSharedSecret(key.arn(),
                KeyAgreementAlgorithm.valueOf(r.keyAgreementAlgorithm()), r.publicKey().unsafeBytes());
        try {
            return new Response(key.arn().toString(), Blob.adopt(secret.bytes()), r.keyAgreementAlgorithm(),
                    key.metadata().origin().name());
        } finally {
            secret.destroy();
        }
    }
}
