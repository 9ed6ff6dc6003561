package io.kmsd.api.operation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kmsd.api.protocol.Call;
import io.kmsd.api.wire.Shapes;
import io.kmsd.api.wire.Violations;
import io.kmsd.api.wire.WireRequest;
import io.kmsd.core.GrantService;
import io.kmsd.core.grant.GrantId;
import io.kmsd.core.grant.GrantPrincipal;
import io.kmsd.core.key.KeyFacts;
import java.util.Optional;

/**
 * ListGrants (kms-api §4.9): the key's active grants, filters AND-ed; a malformed {@code GrantId} is
 * InvalidGrantIdException; {@code Limit} 1–100 (default 50); tokens never listed. An ordinary key-resource
 * operation: key policy and identity policy decide, grants never allow it (key-policy-semantics E17).
 */
public final class ListGrantsHandler extends BaseHandler<ListGrantsHandler.Request> {

    public ListGrantsHandler(KeyAccess access) {
        super("ListGrants", Request.class, access);
    }

    public record Request(@JsonProperty("Limit") Integer limit, @JsonProperty("Marker") String marker,
                          @JsonProperty("KeyId") String keyId, @JsonProperty("GrantId") String grantId,
                          @JsonProperty("GranteePrincipal") String granteePrincipal) implements WireRequest {
        @Override
        public void validate(Violations v) {
            Shapes.limit(v, limit, GrantService.MAX_LIST_LIMIT);
            Shapes.marker(v, marker);
            Shapes.keyId(v, "keyId", keyId, true);
            GrantShapes.grantId(v, grantId, false);
            GrantShapes.principal(v, "granteePrincipal", granteePrincipal, false);
        }
    }

    @Override
    public GrantShapes.ListResponse handle(Call call, Request r) {
        Optional<GrantId> grantId = Optional.ofNullable(r.grantId()).map(GrantId::parse);
        KeyFacts key = access.authorize(call, r.keyId(), KeyAccess.Ref.ID_OR_ARN, action(), call.facts());
        Optional<GrantPrincipal> grantee = Optional.ofNullable(r.granteePrincipal())
                .filter(GrantPrincipal::isValid).map(GrantPrincipal::new);
        if (r.granteePrincipal() != null && grantee.isEmpty()) {
            return new GrantShapes.ListResponse(java.util.List.of(), null, false); // no grant can name it
        }
        return GrantShapes.ListResponse.of(access.grants().list(key.arn(), grantId, grantee,
                r.limit() == null ? GrantService.DEFAULT_LIST_LIMIT : r.limit(), r.marker()));
    }
}
