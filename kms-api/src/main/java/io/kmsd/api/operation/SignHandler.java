package io.kmsd.api.operation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kmsd.api.protocol.Call;
import io.kmsd.api.wire.Blob;
import io.kmsd.api.wire.Shapes;
import io.kmsd.api.wire.Violations;
import io.kmsd.api.wire.WireRequest;
import io.kmsd.core.key.KeyFacts;
import io.kmsd.core.key.KeyOperation;
import java.util.Arrays;
import java.util.List;

/** Sign (kms-api §4.6): any KeyRef form, cross-account by ARN; the message is sensitive and never shown. */
public final class SignHandler extends BaseHandler<SignHandler.Request> {

    public SignHandler(KeyAccess access) {
        super("Sign", Request.class, access);
    }

    public record Request(@JsonProperty("KeyId") String keyId, @JsonProperty("Message") Blob message,
                          @JsonProperty("MessageType") String messageType,
                          @JsonProperty("GrantTokens") List<String> grantTokens,
                          @JsonProperty("SigningAlgorithm") String signingAlgorithm,
                          @JsonProperty("DryRun") Boolean dryRun) implements WireRequest, Signatures.Request {
        @Override
        public void validate(Violations v) {
            Signatures.validate(v, this);
            Shapes.grantTokens(v, grantTokens);
            Shapes.requiredOneOf(v, "signingAlgorithm", signingAlgorithm, Shapes.SIGNING_ALGORITHM);
        }
    }

    public record Response(@JsonProperty("KeyId") String keyId, @JsonProperty("Signature") Blob signature,
                           @JsonProperty("SigningAlgorithm") String signingAlgorithm) {
    }

    @Override
    public Response handle(Call call, Request r) {
        KeyFacts key = Signatures.check(access, call, r, KeyOperation.Sign, action());
        try {
            byte[] signature = access.keys().sign(key.arn(), r.message().unsafeBytes(), Signatures.type(r),
                    Signatures.algorithm(r));
            return new Response(key.arn().toString(), Blob.adopt(signature), r.signingAlgorithm());
        } finally {
            Arrays.fill(r.message().unsafeBytes(), (byte) 0);
        }
    }
}
