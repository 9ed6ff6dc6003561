package io.kmsd.api.operation;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.kmsd.api.auth.Principal;
import io.kmsd.api.authz.AccessExplanation;
import io.kmsd.api.authz.AuthzDecision;
import io.kmsd.api.authz.AuthzRequest;
import io.kmsd.api.authz.RequestFacts;
import io.kmsd.api.protocol.Call;
import io.kmsd.api.wire.Shapes;
import io.kmsd.api.wire.Violations;
import io.kmsd.api.wire.WireRequest;
import io.kmsd.core.ResolvedKey;
import io.kmsd.core.error.KmsError;
import io.kmsd.core.error.KmsException;
import io.kmsd.core.key.KeyFacts;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * ExplainAccess, our extension of the protocol ({@code X-Amz-Target: TrentService.ExplainAccess}), the server half
 * of {@code ./kms explain --endpoint}: what this server would decide now if {@code Principal} asked for
 * {@code Action} on the key, with the key's live policy and grants, the principal's identity policies and the
 * guardrails, explained statement by statement (key-policy-semantics X1–X7). Nothing is performed.
 *
 * <p>Who may ask (our design; ExplainAccessTest proves each rule):
 * <ul>
 * <li>About yourself ({@code Principal} omitted or your own ARN): {@code kms:DescribeKey} on the key. Whoever may
 *     see a key may learn why their own request would pass or fail; a caller of another account can, as DescribeKey
 *     is one of the cross-account actions (E2).</li>
 * <li>About another principal: {@code kms:GetKeyPolicy} on the key (the explanation shows the key policy, which
 *     GetKeyPolicy reveals anyway), and that principal must belong to the caller's account: nobody reads another
 *     account's identity policies, as AWS's policy simulator stays within one account.</li>
 * </ul>
 * The request is audited like any other (event {@code ExplainAccess}, with the decision on the explain request
 * itself); the explained decision is the response, not a decision of this request.
 */
public final class ExplainAccessHandler extends BaseHandler<ExplainAccessHandler.Request> {
    static final String SELF_ACTION = "kms:DescribeKey";
    static final String OTHERS_ACTION = "kms:GetKeyPolicy";
    private static final Pattern ACTION = Pattern.compile("^kms:[A-Za-z]{1,64}$");
    private static final Set<String> SYMMETRIC_CRYPTO = Set.of("kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom",
            "kms:ReEncryptTo");

    public ExplainAccessHandler(KeyAccess access) {
        super("ExplainAccess", Request.class, access);
    }

    public record Request(@JsonProperty("KeyId") String keyId, @JsonProperty("Action") String action,
                          @JsonProperty("Principal") String principal,
                          @JsonProperty("EncryptionContext") Map<String, String> encryptionContext,
                          @JsonProperty("EncryptionAlgorithm") String encryptionAlgorithm,
                          @JsonProperty("GrantTokens") List<String> grantTokens) implements WireRequest {
        @Override
        public void validate(Violations v) {
            Shapes.keyId(v, "keyId", keyId, true);
            v.required("action", action).pattern("action", action, ACTION);
            v.length("principal", principal, 20, 2048);
            Shapes.encryptionAlgorithm(v, "encryptionAlgorithm", encryptionAlgorithm);
            Shapes.grantTokens(v, grantTokens);
        }
    }

    /** {@code Explanation} is the JSON of {@code ./kms explain --json}; {@code Text} its human form. */
    public record Response(@JsonProperty("Decision") String decision, @JsonProperty("Deciding") List<String> deciding,
                           @JsonProperty("Text") String text,
                           @JsonProperty("Explanation") @JsonRawValue String explanation) {
    }

    @Override
    public Response handle(Call call, Request r) {
        boolean self = r.principal() == null || r.principal().equals(call.principal().arn());
        ResolvedKey resolved = access.keys().resolve(r.keyId(), call.account(), call.region(), true);
        RequestFacts facts = facts(call, r).withRequestAlias(resolved.requestAlias());
        KeyFacts key = access.authorize(call, resolved.arn(), self ? SELF_ACTION : OTHERS_ACTION, facts);
        // Looked up only once authorized, so an unauthorized caller cannot probe which principals exist.
        Principal subject = self ? call.principal() : access.principal(r.principal()).orElseThrow(
                () -> new KmsException(KmsError.NotFound, "Principal " + r.principal() + " is not known to this server."));
        if (!subject.account().equals(call.account())) {
            throw otherAccount(call, r.principal());
        }
        AccessExplanation x = access.explain(AuthzRequest.onKey(subject, r.action(), key, facts)).orElseThrow(
                () -> new KmsException(KmsError.UnsupportedOperation, "This server's authorizer cannot explain."));
        return new Response(x.decision(), x.deciding(), x.text(), x.json());
    }

    /** The facts the explained request would carry: this request's origin and time, and the given parameters. */
    private static RequestFacts facts(Call call, Request r) {
        String algorithm = r.encryptionAlgorithm() == null && SYMMETRIC_CRYPTO.contains(r.action())
                ? "SYMMETRIC_DEFAULT" : r.encryptionAlgorithm(); // as the crypto handlers default it
        return call.facts().withEncryptionContext(Contexts.of("EncryptionContext", r.encryptionContext()))
                .withEncryptionAlgorithm(algorithm).withGrantTokens(r.grantTokens());
    }

    /** Recorded as this request's decision, so the audit event says why it was refused. */
    private static KmsException otherAccount(Call call, String principal) {
        String message = "User: " + call.principal().arn() + " is not authorized to perform: kms:ExplainAccess for "
                + principal + " because it belongs to another account; a principal can be explained only by its own "
                + "account";
        call.decided(new AuthzDecision(AuthzDecision.Outcome.IMPLICIT_DENY, message, "ExplainAccess: other account"));
        return new KmsException(KmsError.AccessDenied, message);
    }
}
