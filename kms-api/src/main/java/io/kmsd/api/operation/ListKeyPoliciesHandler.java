package io.kmsd.api.operation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kmsd.api.protocol.Call;
import io.kmsd.api.wire.Shapes;
import io.kmsd.api.wire.Violations;
import io.kmsd.api.wire.WireRequest;
import io.kmsd.core.error.KmsException;
import io.kmsd.core.key.KeyFacts;
import io.kmsd.core.key.KeyOperation;
import io.kmsd.core.key.KeyStateTable;
import java.util.List;

/**
 * ListKeyPolicies (kms-api §4.8): always {@code ["default"]} on one page. No marker is ever issued, so any
 * marker sent is invalid (the operation declares no InvalidMarkerException: ValidationException, §4.0).
 */
public final class ListKeyPoliciesHandler extends BaseHandler<ListKeyPoliciesHandler.Request> {

    public ListKeyPoliciesHandler(KeyAccess access) {
        super("ListKeyPolicies", Request.class, access);
    }

    public record Request(@JsonProperty("KeyId") String keyId, @JsonProperty("Limit") Integer limit,
                          @JsonProperty("Marker") String marker) implements WireRequest {
        @Override
        public void validate(Violations v) {
            Shapes.keyId(v, "keyId", keyId, true);
            Shapes.limit(v, limit, 1000);
            Shapes.marker(v, marker);
        }
    }

    public record Response(@JsonProperty("PolicyNames") List<String> policyNames,
                           @JsonProperty("Truncated") boolean truncated) {
    }

    @Override
    public Response handle(Call call, Request r) {
        KeyFacts key = access.authorize(call, r.keyId(), KeyAccess.Ref.ID_OR_ARN, action(), call.facts());
        KeyStateTable.check(KeyOperation.ListKeyPolicies, key.state(), key.arn());
        if (r.marker() != null) {
            throw KmsException.validation("The marker " + r.marker() + " is not valid for this listing.");
        }
        return new Response(List.of(KeyPolicies.DEFAULT), false);
    }
}
