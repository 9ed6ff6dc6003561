package io.kmsd.api.operation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kmsd.api.protocol.Call;
import io.kmsd.api.wire.Shapes;
import io.kmsd.api.wire.Violations;
import io.kmsd.api.wire.WireRequest;
import io.kmsd.api.wire.WireTag;
import io.kmsd.core.Page;
import io.kmsd.core.key.KeyFacts;
import io.kmsd.core.key.Tag;
import java.util.List;

/** ListResourceTags (kms-api §4.3): {@code Limit} 1–50, default 50 (kms-api §5). */
public final class ListResourceTagsHandler extends BaseHandler<ListResourceTagsHandler.Request> {
    static final int DEFAULT_LIMIT = 50;

    public ListResourceTagsHandler(KeyAccess access) {
        super("ListResourceTags", Request.class, access);
    }

    public record Request(@JsonProperty("KeyId") String keyId, @JsonProperty("Limit") Integer limit,
                          @JsonProperty("Marker") String marker) implements WireRequest {
        @Override
        public void validate(Violations v) {
            Shapes.keyId(v, "keyId", keyId, true);
            Shapes.limit(v, limit, 50);
            Shapes.marker(v, marker);
        }
    }

    public record Response(@JsonProperty("Tags") List<WireTag> tags, @JsonProperty("NextMarker") String nextMarker,
                           @JsonProperty("Truncated") boolean truncated) {
    }

    @Override
    public Response handle(Call call, Request r) {
        KeyFacts key = access.authorize(call, r.keyId(), KeyAccess.Ref.ID_OR_ARN, action(), call.facts());
        Page<Tag> page = access.keys().listTags(key.arn(), r.limit() == null ? DEFAULT_LIMIT : r.limit(), r.marker());
        List<WireTag> tags = page.items().stream().map(t -> new WireTag(t.key(), t.value())).toList();
        return new Response(tags, page.nextMarker().orElse(null), page.truncated());
    }
}
