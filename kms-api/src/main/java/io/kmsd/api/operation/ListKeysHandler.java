package io.kmsd.api.operation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kmsd.api.protocol.Call;
import io.kmsd.api.wire.Shapes;
import io.kmsd.api.wire.Violations;
import io.kmsd.api.wire.WireRequest;
import io.kmsd.core.Page;
import io.kmsd.core.key.KeyArn;
import java.util.List;

/** ListKeys (kms-api §4.1): IAM-only; the caller's account and Region, every state but deleted. */
public final class ListKeysHandler extends BaseHandler<ListKeysHandler.Request> {
    static final int DEFAULT_LIMIT = 100;

    public ListKeysHandler(KeyAccess access) {
        super("ListKeys", Request.class, access);
    }

    public record Request(@JsonProperty("Limit") Integer limit, @JsonProperty("Marker") String marker)
            implements WireRequest {
        @Override
        public void validate(Violations v) {
            Shapes.limit(v, limit, 1000);
            Shapes.marker(v, marker);
        }
    }

    public record Entry(@JsonProperty("KeyId") String keyId, @JsonProperty("KeyArn") String keyArn) {
    }

    public record Response(@JsonProperty("Keys") List<Entry> keys, @JsonProperty("NextMarker") String nextMarker,
                           @JsonProperty("Truncated") boolean truncated) {
    }

    @Override
    public Response handle(Call call, Request r) {
        access.authorizeIamOnly(call, action(), call.facts());
        Page<KeyArn> page = access.keys().listKeys(call.account(), call.region(),
                r.limit() == null ? DEFAULT_LIMIT : r.limit(), r.marker());
        List<Entry> keys = page.items().stream().map(a -> new Entry(a.keyId().value(), a.toString())).toList();
        return new Response(keys, page.nextMarker().orElse(null), page.truncated());
    }
}
