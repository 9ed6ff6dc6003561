package io.kmsd.api.operation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kmsd.api.authz.RequestFacts;
import io.kmsd.api.protocol.Call;
import io.kmsd.api.wire.Blob;
import io.kmsd.api.wire.Shapes;
import io.kmsd.api.wire.Violations;
import io.kmsd.api.wire.WireRequest;
import io.kmsd.core.Encrypted;
import io.kmsd.core.crypto.EncryptionContext;
import io.kmsd.core.crypto.Plaintext;
import io.kmsd.core.key.KeyFacts;
import io.kmsd.core.key.KeyOperation;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Encrypt (kms-api §4.4): any KeyRef form, cross-account by ARN; the plaintext is sensitive (§1.3). */
public final class EncryptHandler extends BaseHandler<EncryptHandler.Request> {

    public EncryptHandler(KeyAccess access) {
        super("Encrypt", Request.class, access);
    }

    public record Request(@JsonProperty("KeyId") String keyId, @JsonProperty("Plaintext") Blob plaintext,
                          @JsonProperty("EncryptionContext") Map<String, String> encryptionContext,
                          @JsonProperty("GrantTokens") List<String> grantTokens,
                          @JsonProperty("EncryptionAlgorithm") String encryptionAlgorithm,
                          @JsonProperty("DryRun") Boolean dryRun) implements WireRequest {
        @Override
        public void validate(Violations v) {
            Shapes.keyId(v, "keyId", keyId, true);
            v.required("plaintext", plaintext).length("plaintext", plaintext, 1, Shapes.MAX_PLAINTEXT, true);
            Shapes.grantTokens(v, grantTokens);
            Shapes.encryptionAlgorithm(v, "encryptionAlgorithm", encryptionAlgorithm);
        }
    }

    public record Response(@JsonProperty("CiphertextBlob") Blob ciphertextBlob, @JsonProperty("KeyId") String keyId,
                           @JsonProperty("EncryptionAlgorithm") String encryptionAlgorithm) {
    }

    @Override
    public Response handle(Call call, Request r) {
        EncryptionContext context = Contexts.of("EncryptionContext", r.encryptionContext());
        RequestFacts facts = call.facts().withEncryptionContext(context)
                .withEncryptionAlgorithm(CryptoChecks.algorithmOrDefault(r.encryptionAlgorithm()))
                .withGrantTokens(r.grantTokens());
        KeyFacts key = access.authorize(call, r.keyId(), KeyAccess.Ref.ID_ARN_OR_ALIAS, action(), facts);
        CryptoChecks.encryptDecrypt(KeyOperation.Encrypt, key, r.encryptionAlgorithm());
        CryptoChecks.plaintextFits(key, r.encryptionAlgorithm(), r.plaintext().length());
        CryptoChecks.stopIfDryRun(r.dryRun());
        Plaintext plaintext = Plaintext.of(r.plaintext().unsafeBytes());
        Arrays.fill(r.plaintext().unsafeBytes(), (byte) 0);
        try {
            Encrypted out = access.keys().encrypt(key.arn(), plaintext, context, r.encryptionAlgorithm());
            return new Response(Blob.adopt(out.ciphertextBlob()), out.key().toString(),
                    CryptoChecks.algorithmOrDefault(r.encryptionAlgorithm()));
        } finally {
            plaintext.destroy();
        }
    }
}
