package io.kmsd.api.operation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kmsd.api.authz.OperationFacts;
import io.kmsd.api.authz.RequestFacts;
import io.kmsd.api.protocol.Call;
import io.kmsd.api.wire.Blob;
import io.kmsd.api.wire.Shapes;
import io.kmsd.api.wire.Violations;
import io.kmsd.api.wire.WireRequest;
import io.kmsd.core.Decrypted;
import io.kmsd.core.Encrypted;
import io.kmsd.core.crypto.EncryptionContext;
import io.kmsd.core.key.KeyFacts;
import io.kmsd.core.key.KeyOperation;
import java.util.List;
import java.util.Map;

/**
 * ReEncrypt (kms-api §4.4): Decrypt's rules on the source ({@code kms:ReEncryptFrom}), Encrypt's on the
 * destination ({@code kms:ReEncryptTo}). The plaintext lives only between the two calls and is wiped after.
 */
public final class ReEncryptHandler extends BaseHandler<ReEncryptHandler.Request> {

    public ReEncryptHandler(KeyAccess access) {
        super("ReEncrypt", Request.class, access);
    }

    public record Request(@JsonProperty("CiphertextBlob") Blob ciphertextBlob,
                          @JsonProperty("SourceEncryptionContext") Map<String, String> sourceEncryptionContext,
                          @JsonProperty("SourceKeyId") String sourceKeyId,
                          @JsonProperty("DestinationKeyId") String destinationKeyId,
                          @JsonProperty("DestinationEncryptionContext")
                          Map<String, String> destinationEncryptionContext,
                          @JsonProperty("SourceEncryptionAlgorithm") String sourceEncryptionAlgorithm,
                          @JsonProperty("DestinationEncryptionAlgorithm") String destinationEncryptionAlgorithm,
                          @JsonProperty("GrantTokens") List<String> grantTokens, @JsonProperty("DryRun") Boolean dryRun,
                          @JsonProperty("DryRunModifiers") List<String> dryRunModifiers) implements WireRequest {
        @Override
        public void validate(Violations v) {
            DryRuns.requireBlobOrKey(v, "ciphertextBlob", ciphertextBlob, "sourceKeyId", sourceKeyId, dryRunModifiers);
            v.length("ciphertextBlob", ciphertextBlob, 1, Shapes.MAX_CIPHERTEXT, false);
            Shapes.keyId(v, "sourceKeyId", sourceKeyId, false);
            Shapes.keyId(v, "destinationKeyId", destinationKeyId, true);
            Shapes.encryptionAlgorithm(v, "sourceEncryptionAlgorithm", sourceEncryptionAlgorithm);
            Shapes.encryptionAlgorithm(v, "destinationEncryptionAlgorithm", destinationEncryptionAlgorithm);
            Shapes.grantTokens(v, grantTokens);
            Shapes.dryRunModifiers(v, dryRunModifiers);
        }
    }

    public record Response(@JsonProperty("CiphertextBlob") Blob ciphertextBlob,
                           @JsonProperty("SourceKeyId") String sourceKeyId, @JsonProperty("KeyId") String keyId,
                           @JsonProperty("SourceEncryptionAlgorithm") String sourceEncryptionAlgorithm,
                           @JsonProperty("DestinationEncryptionAlgorithm") String destinationEncryptionAlgorithm,
                           @JsonProperty("SourceKeyMaterialId") String sourceKeyMaterialId,
                           @JsonProperty("DestinationKeyMaterialId") String destinationKeyMaterialId) {
    }

    @Override
    public Response handle(Call call, Request r) {
        boolean ignoreCiphertext = DryRuns.ignoreCiphertext(r.dryRun(), r.dryRunModifiers());
        EncryptionContext from = Contexts.of("SourceEncryptionContext", r.sourceEncryptionContext());
        EncryptionContext to = Contexts.of("DestinationEncryptionContext", r.destinationEncryptionContext());
        KeyFacts source = source(call, r, from, ignoreCiphertext);
        KeyFacts destination = access.authorize(call, r.destinationKeyId(), KeyAccess.Ref.ID_ARN_OR_ALIAS,
                "kms:ReEncryptTo", facts(call, r, to, r.destinationEncryptionAlgorithm()));
        CryptoChecks.encryptDecrypt(KeyOperation.ReEncrypt, source, r.sourceEncryptionAlgorithm());
        CryptoChecks.encryptDecrypt(KeyOperation.ReEncrypt, destination, r.destinationEncryptionAlgorithm());
        CryptoChecks.stopIfDryRun(r.dryRun());
        Decrypted opened = access.keys().decrypt(source.arn(), r.ciphertextBlob().unsafeBytes(), from,
                r.sourceEncryptionAlgorithm());
        try {
            Encrypted sealed = access.keys().encrypt(destination.arn(), opened.plaintext(), to,
                    r.destinationEncryptionAlgorithm());
            return new Response(Blob.adopt(sealed.ciphertextBlob()), opened.key().toString(), sealed.key().toString(),
                    CryptoChecks.algorithmOrDefault(r.sourceEncryptionAlgorithm()),
                    CryptoChecks.algorithmOrDefault(r.destinationEncryptionAlgorithm()), opened.keyMaterialId(),
                    sealed.keyMaterialId());
        } finally {
            opened.plaintext().destroy();
        }
    }

    private KeyFacts source(Call call, Request r, EncryptionContext from, boolean ignoreCiphertext) {
        RequestFacts facts = facts(call, r, from, r.sourceEncryptionAlgorithm());
        return ignoreCiphertext
                ? access.authorize(call, r.sourceKeyId(), KeyAccess.Ref.ID_ARN_OR_ALIAS, "kms:ReEncryptFrom", facts)
                : CiphertextKeys.authorize(access, call, r.ciphertextBlob().unsafeBytes(), r.sourceKeyId(),
                        "kms:ReEncryptFrom", facts);
    }

    private static RequestFacts facts(Call call, Request r, EncryptionContext context, String algorithm) {
        return call.facts().withEncryptionContext(context)
                .withEncryptionAlgorithm(CryptoChecks.algorithmOrDefault(algorithm)).withGrantTokens(r.grantTokens())
                .with(new OperationFacts.ReEncryption(sameKeyRef(r)));
    }

    /** {@code kms:ReEncryptOnSameKey}: the request names the same key on both sides. */
    private static boolean sameKeyRef(Request r) {
        return r.sourceKeyId() != null && r.sourceKeyId().equals(r.destinationKeyId());
    }
}
