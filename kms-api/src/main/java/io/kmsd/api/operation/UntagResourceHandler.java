package io.kmsd.api.operation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kmsd.api.authz.OperationFacts;
import io.kmsd.api.protocol.Call;
import io.kmsd.api.protocol.NoOutput;
import io.kmsd.api.wire.Shapes;
import io.kmsd.api.wire.Violations;
import io.kmsd.api.wire.WireRequest;
import io.kmsd.core.key.KeyFacts;
import java.util.List;

/** UntagResource (kms-api §4.3): absent tag keys are ignored. */
public final class UntagResourceHandler extends BaseHandler<UntagResourceHandler.Request> {

    public UntagResourceHandler(KeyAccess access) {
        super("UntagResource", Request.class, access);
    }

    public record Request(@JsonProperty("KeyId") String keyId, @JsonProperty("TagKeys") List<String> tagKeys)
            implements WireRequest {
        @Override
        public void validate(Violations v) {
            Shapes.keyId(v, "keyId", keyId, true);
            v.required("tagKeys", tagKeys);
            for (int i = 0; tagKeys != null && i < tagKeys.size(); i++) {
                String path = "tagKeys." + (i + 1) + ".member";
                v.required(path, tagKeys.get(i)).length(path, tagKeys.get(i), 1, 128);
            }
        }
    }

    @Override
    public NoOutput handle(Call call, Request r) {
        KeyFacts key = access.authorize(call, r.keyId(), KeyAccess.Ref.ID_OR_ARN, action(),
                call.facts().with(new OperationFacts.Tagging(List.of(), r.tagKeys())));
        access.keys().untag(key.arn(), r.tagKeys());
        return NoOutput.INSTANCE;
    }
}
