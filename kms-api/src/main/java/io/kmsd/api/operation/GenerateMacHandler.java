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

/** GenerateMac (kms-api §4.6): an HMAC key and the one algorithm of its spec; the message is sensitive. */
public final class GenerateMacHandler extends BaseHandler<GenerateMacHandler.Request> {

    public GenerateMacHandler(KeyAccess access) {
        super("GenerateMac", Request.class, access);
    }

    public record Request(@JsonProperty("Message") Blob message, @JsonProperty("KeyId") String keyId,
                          @JsonProperty("MacAlgorithm") String macAlgorithm,
                          @JsonProperty("GrantTokens") List<String> grantTokens,
                          @JsonProperty("DryRun") Boolean dryRun) implements WireRequest, Macs.Request {
        @Override
        public void validate(Violations v) {
            Macs.validate(v, this);
            Shapes.grantTokens(v, grantTokens);
        }
    }

    public record Response(@JsonProperty("Mac") Blob mac, @JsonProperty("MacAlgorithm") String macAlgorithm,
                           @JsonProperty("KeyId") String keyId) {
    }

    @Override
    public Response handle(Call call, Request r) {
        KeyFacts key = Macs.check(access, call, r, KeyOperation.GenerateMac, action());
        try {
            byte[] mac = access.keys().generateMac(key.arn(), r.message().unsafeBytes(), Macs.algorithm(r));
            return new Response(Blob.adopt(mac), r.macAlgorithm(), key.arn().toString());
        } finally {
            Arrays.fill(r.message().unsafeBytes(), (byte) 0);
        }
    }
}
