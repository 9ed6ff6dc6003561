package io.kmsd.policy.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.kmsd.policy.actions.Action;
import io.kmsd.policy.document.NamedPolicy;
import io.kmsd.policy.document.PolicyParser;
import io.kmsd.policy.eval.Decision;
import io.kmsd.policy.eval.Evaluator;
import io.kmsd.policy.eval.KeyPolicyChange;
import io.kmsd.policy.grants.Grant;
import io.kmsd.policy.principal.IdentityDirectory;
import io.kmsd.policy.principal.Principal;
import io.kmsd.policy.principal.PrincipalType;
import io.kmsd.policy.request.AuthorizationRequest;
import io.kmsd.policy.request.Caller;
import io.kmsd.policy.request.KeyAttributes;
import io.kmsd.policy.request.KeyFacts;
import io.kmsd.policy.request.RequestFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A decision vector compiled into engine inputs: the authorization request, and for policy writes the new
 * policy text, the identity directory and the target key (V5: one decision, PutKeyPolicy/CreateKey including
 * validation and lockout).
 */
public record Scenario(AuthorizationRequest request, String newPolicy, IdentityDirectory directory, KeyFacts target) {
    private static final Set<String> POLICY_WRITES = Set.of("PutKeyPolicy", "CreateKey", "ReplicateKey");

    /**
     * Compiles a vector.
     *
     * @throws IllegalArgumentException or {@code KmsException} when the vector itself is invalid
     */
    public static Scenario of(JsonNode v) {
        JsonNode keyNode = need(v, "key");
        JsonNode req = need(v, "request");
        Action action = Action.of(need(req, "action").asText());
        KeyAttributes attrs = VectorJson.attributes(keyNode);
        String keyArn = keyNode.path("arn").asText(req.path("keyArn").asText(null));
        JsonNode policy = keyNode.get("policy");
        boolean exists = policy != null && !policy.isNull();
        KeyFacts key = exists ? KeyFacts.of(keyArn, PolicyParser.parseKeyPolicy(policy, null), attrs) : null;
        KeyFacts target = keyArn == null ? null : KeyFacts.of(keyArn, null, attrs);
        RequestFacts facts = VectorJson.facts(req);
        AuthorizationRequest request = AuthorizationRequest.builder()
                .caller(caller(need(v, "caller")))
                .action(action)
                .key(exists ? key : null)
                .requestedAttributes(attrs)
                .resource(exists ? null : "*")
                .facts(facts)
                .grants(grants(v.path("grants")))
                .build();
        JsonNode np = req.get("newPolicy");
        String newPolicy = np == null || np.isNull() ? null : np.isTextual() ? np.textValue() : PolicyParser.toText(np);
        return new Scenario(request, newPolicy, directory(v.get("directory")), target);
    }

    /** Decides the scenario; policy writes with a new policy run the full L4 sequence. */
    public Decision decide(Evaluator evaluator) {
        Action a = request.action();
        if (newPolicy != null && a.isKms() && POLICY_WRITES.contains(a.operation())) {
            if (target == null) {
                throw new IllegalArgumentException("a policy write needs key.arn or request.keyArn");
            }
            return KeyPolicyChange.check(evaluator, request, newPolicy, directory, target);
        }
        return evaluator.evaluate(request);
    }

    static JsonNode need(JsonNode n, String field) {
        JsonNode f = n.get(field);
        if (f == null || f.isNull()) {
            throw new IllegalArgumentException("vector is missing '" + field + "'");
        }
        return f;
    }

    private static Caller caller(JsonNode c) {
        PrincipalType type = PrincipalType.valueOf(need(c, "type").asText());
        Principal p = Principal.of(need(c, "arn").asText(), type, c.path("account").asText(null),
                c.path("roleArn").asText(null), c.path("userId").asText(null), VectorJson.stringMap(c.get("tags")),
                c.path("orgId").asText(null));
        List<NamedPolicy> policies = new ArrayList<>();
        for (JsonNode ip : c.path("identityPolicies")) {
            String name = need(ip, "name").asText();
            JsonNode doc = need(ip, "document");
            policies.add(new NamedPolicy(name, doc.isTextual() ? PolicyParser.parseIdentityPolicy(doc.textValue())
                    : PolicyParser.parseIdentityPolicy(doc)));
        }
        return new Caller(p, policies);
    }

    private static List<Grant> grants(JsonNode gs) {
        List<Grant> out = new ArrayList<>();
        for (JsonNode g : gs) {
            out.add(VectorJson.grant(g));
        }
        return out;
    }

    private static IdentityDirectory directory(JsonNode d) {
        if (d == null || d.isNull()) {
            return null;
        }
        return IdentityDirectory.of(VectorJson.strings(d.get("accounts")), VectorJson.strings(d.get("principals")));
    }
}
