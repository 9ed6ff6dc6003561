package io.kmsd.api.operation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kmsd.api.protocol.Call;
import io.kmsd.api.wire.Shapes;
import io.kmsd.api.wire.Violations;
import io.kmsd.api.wire.WireRequest;
import io.kmsd.core.AliasEntry;
import io.kmsd.core.Page;
import io.kmsd.core.key.KeyArn;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * ListAliases (kms-api §4.2): IAM-only, the caller's account; {@code Limit} 1–100 (default 50) although the
 * model allows 1000; {@code KeyId} (id or ARN) filters to one key's aliases.
 */
public final class ListAliasesHandler extends BaseHandler<ListAliasesHandler.Request> {
    static final int DEFAULT_LIMIT = 50;

    public ListAliasesHandler(KeyAccess access) {
        super("ListAliases", Request.class, access);
    }

    public record Request(@JsonProperty("KeyId") String keyId, @JsonProperty("Limit") Integer limit,
                          @JsonProperty("Marker") String marker) implements WireRequest {
        @Override
        public void validate(Violations v) {
            Shapes.keyId(v, "keyId", keyId, false);
            Shapes.limit(v, limit, 100);
            Shapes.marker(v, marker);
        }
    }

    public record Entry(@JsonProperty("AliasName") String aliasName, @JsonProperty("AliasArn") String aliasArn,
                        @JsonProperty("TargetKeyId") String targetKeyId,
                        @JsonProperty("CreationDate") Instant creationDate,
                        @JsonProperty("LastUpdatedDate") Instant lastUpdatedDate) {
        static Entry of(AliasEntry e) {
            return new Entry(e.arn().name().value(), e.arn().toString(), e.target().value(), e.created(),
                    e.lastUpdated());
        }
    }

    public record Response(@JsonProperty("Aliases") List<Entry> aliases, @JsonProperty("NextMarker") String nextMarker,
                           @JsonProperty("Truncated") boolean truncated) {
    }

    @Override
    public Response handle(Call call, Request r) {
        access.authorizeIamOnly(call, action(), call.facts());
        Optional<KeyArn> key = Optional.ofNullable(r.keyId())
                .map(ref -> access.keys().resolve(ref, call.account(), call.region(), false).arn());
        key.ifPresent(call::touched);
        Page<AliasEntry> page = access.keys().listAliases(call.account(), call.region(), key,
                r.limit() == null ? DEFAULT_LIMIT : r.limit(), r.marker());
        return new Response(page.items().stream().map(Entry::of).toList(), page.nextMarker().orElse(null),
                page.truncated());
    }
}
