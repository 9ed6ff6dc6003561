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

/** VerifyMac (kms-api §4.6): core compares in constant time; a mismatch is {@code KMSInvalidMacException}. */
public final class VerifyMacHandler extends BaseHandler<VerifyMacHandler.Request> {

    public VerifyMacHandler(KeyAccess access) {
        super("VerifyMac", Request.class, access);
    }

    public record Request(@JsonProperty("Message") Blob message, @JsonProperty("KeyId") String keyId,
                          @JsonProperty("MacAlgorithm") String macAlgorithm, @JsonProperty("Mac") Blob mac,
                          @JsonProperty("GrantTokens") List<String> grantTokens,
                          @JsonProperty("DryRun") Boolean dryRun) implements WireRequest, Macs.Request {
        @Override
        public void validate(Violations v) {
            Macs.validate(v, this);
            Shapes.ciphertextType(v, "mac", mac);
            Shapes.grantTokens(v, grantTokens);
        }
    }

    public record Response(@JsonProperty("KeyId") String keyId, @JsonProperty("MacValid") Boolean macValid,
                           @JsonProperty("MacAlgorithm") String macAlgorithm) {
    }

    @Override
    public Response handle(Call call, Request r) {
        KeyFacts key = Macs.check(access, call, r, KeyOperation.VerifyMac, action());
        try {
            access.keys().verifyMac(key.arn(), r.message().unsafeBytes(), r.mac().unsafeBytes(), Macs.algorithm(r));
            return new Response(key.arn().toString(), true, r.macAlgorithm());
        } finally {
            Arrays.fill(r.message().unsafeBytes(), (byte) 0);
        }
    }
}
