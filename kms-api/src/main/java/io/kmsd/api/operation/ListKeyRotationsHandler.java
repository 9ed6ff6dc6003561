package io.kmsd.api.operation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kmsd.api.protocol.Call;
import io.kmsd.api.wire.Shapes;
import io.kmsd.api.wire.Violations;
import io.kmsd.api.wire.WireRequest;
import io.kmsd.core.KeyRotation;
import io.kmsd.core.Page;
import io.kmsd.core.key.KeyFacts;
import java.time.Instant;
import java.util.List;

/**
 * ListKeyRotations (kms-api §4.7): completed rotations by default, {@code ALL_KEY_MATERIAL} adds the first
 * material; {@code Limit} 1–1000, default 100 (kms-api §5). Non-rotatable keys → UnsupportedOperation (core).
 */
public final class ListKeyRotationsHandler extends BaseHandler<ListKeyRotationsHandler.Request> {
    static final int DEFAULT_LIMIT = 100;
    static final List<String> INCLUDE_KEY_MATERIAL = List.of("ROTATIONS_ONLY", "ALL_KEY_MATERIAL");

    public ListKeyRotationsHandler(KeyAccess access) {
        super("ListKeyRotations", Request.class, access);
    }

    public record Request(@JsonProperty("KeyId") String keyId,
                          @JsonProperty("IncludeKeyMaterial") String includeKeyMaterial,
                          @JsonProperty("Limit") Integer limit,
                          @JsonProperty("Marker") String marker) implements WireRequest {
        @Override
        public void validate(Violations v) {
            Shapes.keyId(v, "keyId", keyId, true);
            v.oneOf("includeKeyMaterial", includeKeyMaterial, INCLUDE_KEY_MATERIAL);
            Shapes.limit(v, limit, 1000);
            Shapes.marker(v, marker);
        }
    }

    public record Rotation(@JsonProperty("KeyId") String keyId, @JsonProperty("KeyMaterialId") String keyMaterialId,
                           @JsonProperty("KeyMaterialState") String keyMaterialState,
                           @JsonProperty("RotationDate") Instant rotationDate,
                           @JsonProperty("RotationType") String rotationType) {
        static Rotation of(KeyRotation r) {
            return new Rotation(r.key().toString(), r.keyMaterialId(), r.keyMaterialState(), r.rotationDate(),
                    r.rotationType());
        }
    }

    public record Response(@JsonProperty("Rotations") List<Rotation> rotations,
                           @JsonProperty("NextMarker") String nextMarker,
                           @JsonProperty("Truncated") boolean truncated) {
    }

    @Override
    public Response handle(Call call, Request r) {
        KeyFacts key = access.authorize(call, r.keyId(), KeyAccess.Ref.ID_OR_ARN, action(), call.facts());
        boolean all = "ALL_KEY_MATERIAL".equals(r.includeKeyMaterial());
        Page<KeyRotation> page = access.keys().listRotations(key.arn(), all,
                r.limit() == null ? DEFAULT_LIMIT : r.limit(), r.marker());
        return new Response(page.items().stream().map(Rotation::of).toList(), page.nextMarker().orElse(null),
                page.truncated());
    }
}
