package io.kmsd.api.operation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kmsd.api.protocol.Call;
import io.kmsd.api.protocol.NoOutput;
import io.kmsd.api.wire.Shapes;
import io.kmsd.api.wire.Violations;
import io.kmsd.api.wire.WireRequest;
import io.kmsd.api.wire.WireTag;
import io.kmsd.core.key.KeyFacts;
import java.util.List;

/** TagResource (kms-api §4.3): upsert by key; the three TagException rules are core's. */
public final class TagResourceHandler extends BaseHandler<TagResourceHandler.Request> {

    public TagResourceHandler(KeyAccess access) {
        super("TagResource", Request.class, access);
    }

    public record Request(@JsonProperty("KeyId") String keyId, @JsonProperty("Tags") List<WireTag> tags)
            implements WireRequest {
        @Override
        public void validate(Violations v) {
            Shapes.keyId(v, "keyId", keyId, true);
            Shapes.tags(v, tags, true);
        }
    }

    @Override
    public NoOutput handle(Call call, Request r) {
        KeyFacts key = access.authorize(call, r.keyId(), KeyAccess.Ref.ID_OR_ARN, action(),
                Tags.requestFacts(call.facts(), r.tags()));
        access.keys().tag(key.arn(), Tags.toCore(r.tags()));
        return NoOutput.INSTANCE;
    }
}
