package io.kmsd.api.operation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kmsd.api.protocol.Call;
import io.kmsd.api.wire.Blob;
import io.kmsd.api.wire.Shapes;
import io.kmsd.api.wire.Violations;
import io.kmsd.api.wire.WireRequest;
import io.kmsd.core.key.KeyFacts;
import io.kmsd.core.key.KeyOperation;
import java.util.List;

/**
 * Verify (kms-api §4.6): a bad signature is {@code KMSInvalidSignatureException} with an empty message, never
 * {@code SignatureValid: false}; a message and its digest verify as the same message.
 */
public final class VerifyHandler extends BaseHandler<VerifyHandler.Request> {

    public VerifyHandler(KeyAccess access) {
        super("Verify", Request.class, access);
    }

    public record Request(@JsonProperty("KeyId") String keyId, @JsonProperty("Message") Blob message,
                          @JsonProperty("MessageType") String messageType,
                          @JsonProperty("Signature") Blob signature,
                          @JsonProperty("SigningAlgorithm") String signingAlgorithm,
                          @JsonProperty("GrantTokens") List<String> grantTokens,
                          @JsonProperty("DryRun") Boolean dryRun) implements WireRequest, Signatures.Request {
        @Override
        public void validate(Violations v) {
            Signatures.validate(v, this);
            Shapes.ciphertextType(v, "signature", signature);
            Shapes.requiredOneOf(v, "signingAlgorithm", signingAlgorithm, Shapes.SIGNING_ALGORITHM);
            Shapes.grantTokens(v, grantTokens);
        }
    }

    public record Response(@JsonProperty("KeyId") String keyId, @JsonProperty("SignatureValid") Boolean signatureValid,
                           @JsonProperty("SigningAlgorithm") String signingAlgorithm) {
    }

    @Override
    public Response handle(Call call, Request r) {
        KeyFacts key = Signatures.check(access, call, r, KeyOperation.Verify, action());
        access.keys().verify(key.arn(), r.message().unsafeBytes(), Signatures.type(r), r.signature().unsafeBytes(),
                Signatures.algorithm(r));
        return new Response(key.arn().toString(), true, r.signingAlgorithm());
    }
}
