package io.kmsd.api.operation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kmsd.api.authz.RequestFacts;
import io.kmsd.api.protocol.Call;
import io.kmsd.api.wire.Blob;
import io.kmsd.api.wire.Shapes;
import io.kmsd.api.wire.Violations;
import io.kmsd.api.wire.WireRecipient;
import io.kmsd.api.wire.WireRequest;
import io.kmsd.core.Decrypted;
import io.kmsd.core.crypto.EncryptionContext;
import io.kmsd.core.key.KeyFacts;
import io.kmsd.core.key.KeyOperation;
import java.util.List;
import java.util.Map;

/**
 * Decrypt (kms-api §4.4): the key comes from the blob ({@link CiphertextKeys}); a DryRun with
 * {@code IGNORE_CIPHERTEXT} needs {@code KeyId} instead of a blob (§4.0).
 */
public final class DecryptHandler extends BaseHandler<DecryptHandler.Request> {

    public DecryptHandler(KeyAccess access) {
        super("Decrypt", Request.class, access);
    }

    public record Request(@JsonProperty("CiphertextBlob") Blob ciphertextBlob,
                          @JsonProperty("EncryptionContext") Map<String, String> encryptionContext,
                          @JsonProperty("GrantTokens") List<String> grantTokens, @JsonProperty("KeyId") String keyId,
                          @JsonProperty("EncryptionAlgorithm") String encryptionAlgorithm,
                          @JsonProperty("Recipient") WireRecipient recipient, @JsonProperty("DryRun") Boolean dryRun,
                          @JsonProperty("DryRunModifiers") List<String> dryRunModifiers) implements WireRequest {
        @Override
        public void validate(Violations v) {
            DryRuns.requireBlobOrKey(v, "ciphertextBlob", ciphertextBlob, "keyId", keyId, dryRunModifiers);
            v.length("ciphertextBlob", ciphertextBlob, 1, Shapes.MAX_CIPHERTEXT, false);
            Shapes.grantTokens(v, grantTokens);
            Shapes.keyId(v, "keyId", keyId, false);
            Shapes.encryptionAlgorithm(v, "encryptionAlgorithm", encryptionAlgorithm);
            if (recipient != null) {
                recipient.validate(v);
            }
            Shapes.dryRunModifiers(v, dryRunModifiers);
        }
    }

    public record Response(@JsonProperty("KeyId") String keyId, @JsonProperty("Plaintext") Blob plaintext,
                           @JsonProperty("EncryptionAlgorithm") String encryptionAlgorithm,
                           @JsonProperty("KeyMaterialId") String keyMaterialId) {
    }

    @Override
    public Response handle(Call call, Request r) {
        DryRuns.refuseRecipient(r.recipient());
        boolean ignoreCiphertext = DryRuns.ignoreCiphertext(r.dryRun(), r.dryRunModifiers());
        EncryptionContext context = Contexts.of("EncryptionContext", r.encryptionContext());
        RequestFacts facts = call.facts().withEncryptionContext(context)
                .withEncryptionAlgorithm(CryptoChecks.algorithmOrDefault(r.encryptionAlgorithm()))
                .withGrantTokens(r.grantTokens());
        KeyFacts key = ignoreCiphertext
                ? access.authorize(call, r.keyId(), KeyAccess.Ref.ID_ARN_OR_ALIAS, action(), facts)
                : CiphertextKeys.authorize(access, call, r.ciphertextBlob().unsafeBytes(), r.keyId(), action(), facts);
        CryptoChecks.encryptDecrypt(KeyOperation.Decrypt, key, r.encryptionAlgorithm());
        CryptoChecks.stopIfDryRun(r.dryRun());
        Decrypted out = access.keys().decrypt(key.arn(), r.ciphertextBlob().unsafeBytes(), context,
                r.encryptionAlgorithm());
        return new Response(out.key().toString(), Blob.adopt(out.plaintext().bytes()),
                CryptoChecks.algorithmOrDefault(r.encryptionAlgorithm()), out.keyMaterialId());
    }
}
