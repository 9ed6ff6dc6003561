package io.kmsd.api.operation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kmsd.api.authz.OperationFacts;
import io.kmsd.api.authz.RequestFacts;
import io.kmsd.api.protocol.Call;
import io.kmsd.api.wire.Shapes;
import io.kmsd.api.wire.Violations;
import io.kmsd.api.wire.WireRequest;
import io.kmsd.core.CreatedGrant;
import io.kmsd.core.NewGrant;
import io.kmsd.core.grant.GrantConstraints;
import io.kmsd.core.grant.GrantName;
import io.kmsd.core.grant.GrantOperation;
import io.kmsd.core.grant.GrantPrincipal;
import io.kmsd.core.key.KeyFacts;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * CreateGrant (kms-api §4.9): key id or ARN, cross-account by ARN. The requested grant feeds the
 * {@code kms:Grant*} condition keys and, when the permission comes from a parent grant, its E14 limits; core
 * checks the operations against the key type, the constraints, the limit and Name idempotence. DryRun runs
 * every check and creates nothing (kms-api §6.41).
 */
public final class CreateGrantHandler extends BaseHandler<CreateGrantHandler.Request> {

    public CreateGrantHandler(KeyAccess access) {
        super("CreateGrant", Request.class, access);
    }

    public record Request(@JsonProperty("KeyId") String keyId,
                          @JsonProperty("GranteePrincipal") String granteePrincipal,
                          @JsonProperty("RetiringPrincipal") String retiringPrincipal,
                          @JsonProperty("Operations") List<String> operations,
                          @JsonProperty("Constraints") GrantShapes.WireConstraints constraints,
                          @JsonProperty("GrantTokens") List<String> grantTokens, @JsonProperty("Name") String name,
                          @JsonProperty("DryRun") Boolean dryRun) implements WireRequest {
        @Override
        public void validate(Violations v) {
            Shapes.keyId(v, "keyId", keyId, true);
            GrantShapes.principal(v, "granteePrincipal", granteePrincipal, true);
            GrantShapes.principal(v, "retiringPrincipal", retiringPrincipal, false);
            GrantShapes.operations(v, operations);
            Shapes.grantTokens(v, grantTokens);
            GrantShapes.name(v, name);
        }
    }

    public record Response(@JsonProperty("GrantToken") String grantToken, @JsonProperty("GrantId") String grantId) {
    }

    @Override
    public Response handle(Call call, Request r) {
        OperationFacts.GrantCreation asked = grant(r);
        RequestFacts facts = call.facts().withGrantTokens(r.grantTokens()).with(asked);
        KeyFacts key = access.authorize(call, r.keyId(), KeyAccess.Ref.ID_OR_ARN, action(), facts);
        NewGrant request = new NewGrant(key.arn(), asked.grantee(), asked.retiringPrincipal(), asked.operations(),
                asked.constraints(), Optional.ofNullable(r.name()).map(GrantName::parse));
        if (Boolean.TRUE.equals(r.dryRun())) {
            access.grants().checkCreate(request);
            CryptoChecks.stopIfDryRun(true);
        }
        CreatedGrant created = access.grants().create(request);
        return new Response(created.grantToken(), created.grantId().value());
    }

    /** The typed grant the request asks for; a principal that cannot receive a grant is a ValidationException. */
    private static OperationFacts.GrantCreation grant(Request r) {
        Set<GrantOperation> ops = EnumSet.noneOf(GrantOperation.class);
        for (int i = 0; i < r.operations().size(); i++) {
            ops.add(GrantOperation.parse(r.operations().get(i), i + 1));
        }
        Optional<GrantConstraints> constraints = r.constraints() == null ? Optional.empty()
                : GrantConstraints.fromRequest(r.constraints().encryptionContextEquals(),
                        r.constraints().encryptionContextSubset());
        return new OperationFacts.GrantCreation(GrantPrincipal.parse(r.granteePrincipal(), "granteePrincipal"),
                Optional.ofNullable(r.retiringPrincipal()).map(p -> GrantPrincipal.parse(p, "retiringPrincipal")),
                ops, constraints);
    }
}
