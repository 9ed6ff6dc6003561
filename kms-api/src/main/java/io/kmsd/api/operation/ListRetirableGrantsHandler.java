package io.kmsd.api.operation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kmsd.api.protocol.Call;
import io.kmsd.api.wire.Shapes;
import io.kmsd.api.wire.Violations;
import io.kmsd.api.wire.WireRequest;
import io.kmsd.core.GrantService;
import io.kmsd.core.error.KmsError;
import io.kmsd.core.error.KmsException;
import io.kmsd.core.grant.GrantPrincipal;

/**
 * ListRetirableGrants (kms-api §4.9): the active grants, on keys of any account, whose retiring principal is
 * the argument. IAM-only (key-policy-semantics E17, E18), and the principal must belong to the caller's account.
 */
public final class ListRetirableGrantsHandler extends BaseHandler<ListRetirableGrantsHandler.Request> {

    public ListRetirableGrantsHandler(KeyAccess access) {
        super("ListRetirableGrants", Request.class, access);
    }

    public record Request(@JsonProperty("Limit") Integer limit, @JsonProperty("Marker") String marker,
                          @JsonProperty("RetiringPrincipal") String retiringPrincipal) implements WireRequest {
        @Override
        public void validate(Violations v) {
            Shapes.limit(v, limit, GrantService.MAX_LIST_LIMIT);
            Shapes.marker(v, marker);
            GrantShapes.principal(v, "retiringPrincipal", retiringPrincipal, true);
        }
    }

    @Override
    public GrantShapes.ListResponse handle(Call call, Request r) {
        GrantPrincipal principal = GrantPrincipal.parse(r.retiringPrincipal(), "retiringPrincipal");
        access.authorizeIamOnly(call, action(), call.facts());
        if (!accountOf(principal).equals(call.account().value())) {
            throw new KmsException(KmsError.AccessDenied, "User: " + call.principal().arn() + " is not authorized "
                    + "to list the grants retirable by " + principal + ": it is not a principal of account "
                    + call.account() + ".");
        }
        return GrantShapes.ListResponse.of(access.grants().listRetirable(principal,
                r.limit() == null ? GrantService.DEFAULT_LIST_LIMIT : r.limit(), r.marker()));
    }

    /** The account of a grantable principal: the id itself, or the fifth field of its ARN. */
    static String accountOf(GrantPrincipal p) {
        return p.isAccount() ? p.value() : p.value().split(":", 6)[4];
    }
}
