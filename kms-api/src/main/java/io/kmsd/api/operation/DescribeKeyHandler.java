package io.kmsd.api.operation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kmsd.api.protocol.Call;
import io.kmsd.api.wire.Shapes;
import io.kmsd.api.wire.Violations;
import io.kmsd.api.wire.WireRequest;
import io.kmsd.core.key.KeyFacts;
import java.util.List;

/** DescribeKey (kms-api §4.1): any KeyRef form, any key state; no aliases, tags or policy in the result. */
public final class DescribeKeyHandler extends BaseHandler<DescribeKeyHandler.Request> {

    public DescribeKeyHandler(KeyAccess access) {
        super("DescribeKey", Request.class, access);
    }

    public record Request(@JsonProperty("KeyId") String keyId,
                          @JsonProperty("GrantTokens") List<String> grantTokens) implements WireRequest {
        @Override
        public void validate(Violations v) {
            Shapes.keyId(v, "keyId", keyId, true);
            Shapes.grantTokens(v, grantTokens);
        }
    }

    public record Response(@JsonProperty("KeyMetadata") KeyMetadataView keyMetadata) {
    }

    @Override
    public Response handle(Call call, Request r) {
        KeyFacts key = access.authorize(call, r.keyId(), KeyAccess.Ref.ID_ARN_OR_ALIAS, action(),
                call.facts().withGrantTokens(r.grantTokens()));
        return new Response(KeyMetadataView.of(access.keys().describe(key.arn())));
    }
}
