package io.kmsd.policy.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The concise suite form of a policy test file: the key, its policy file, identity policies, grants and named
 * callers are written once, and each case lists only what differs. Every case is expanded into an ordinary
 * decision vector (V2), so suites and vector files are run by the same code. See policies/README.md.
 * <pre>
 * format: kms-policy-suite/1
 * key: {arn: arn:aws:kms:us-east-1:111122223333:key/…, policy: policy.json, tags: {team: payments}}
 * identityPolicies: {app-use: app-identity.json}
 * grants: grants.json
 * principals:
 *   alice: arn:aws:iam::111122223333:user/alice
 *   app: {arn: arn:aws:iam::111122223333:role/App, identityPolicies: [app-use]}
 * defaults: {encryptionContext: {app: payments}}
 * guardrails: ../guardrails        # optional: Cedar guardrails applied after the IAM decision
 * cases:
 *   - {id: app-decrypts, caller: app, action: kms:Decrypt, expect: ALLOW}
 *   - {caller: alice, action: kms:Decrypt, viaService: rds.us-east-1.amazonaws.com, expect: DENY}
 * </pre>
 */
final class SuiteFile {
    static final String FORMAT = "kms-policy-suite/1";

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final Path file;
    private final Path dir;
    private final ObjectNode key;
    private final Map<String, JsonNode> identityPolicies;
    private final JsonNode grants;
    private final Map<String, ObjectNode> principals;
    private final ObjectNode defaults;
    private final String guardrails;

    private SuiteFile(Path file, JsonNode root) throws IOException {
        this.file = file;
        this.dir = file.toAbsolutePath().getParent();
        this.identityPolicies = identityPolicies(root.get("identityPolicies"));
        this.key = key(object(root, "key"));
        this.grants = grants(root.get("grants"));
        this.principals = principals(root.get("principals"));
        this.defaults = root.has("defaults") ? object(root, "defaults") : F.objectNode();
        this.guardrails = root.path("guardrails").isTextual()
                ? dir.resolve(root.get("guardrails").asText()).normalize().toString() : null;
    }

    static boolean isSuite(JsonNode root) {
        return root.has("cases") || FORMAT.equals(root.path("format").asText());
    }

    /** Reads a suite whose root is already parsed; suite-level problems (missing files…) throw. */
    static VectorFile load(Path file, JsonNode root) throws IOException {
        String format = root.path("format").asText(FORMAT);
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException(file + ": unsupported format '" + format + "'");
        }
        if (!root.path("cases").isArray() || root.get("cases").isEmpty()) {
            throw new IllegalArgumentException(file + ": a suite needs a non-empty list of cases");
        }
        SuiteFile suite = new SuiteFile(file, root);
        List<DecisionVector> vectors = new ArrayList<>();
        int n = 0;
        for (JsonNode c : root.get("cases")) {
            vectors.add(suite.expand(c, ++n));
        }
        return new VectorFile(file, root.path("set").asText(null), root.path("description").asText(null), vectors);
    }

    private DecisionVector expand(JsonNode c, int n) {
        String id = c.path("id").asText("case-" + n);
        String title = c.path("title").asText("");
        try {
            ObjectNode v = F.objectNode().put("id", id).put("title", title);
            v.set("rules", c.has("rules") ? c.get("rules") : F.arrayNode());
            v.set("key", caseKey(c.get("key")));
            v.set("caller", caseCaller(c));
            v.set("grants", c.has("grants") ? grants(c.get("grants")) : grants);
            v.set("request", SuiteCase.request(c, defaults, dir));
            if (c.has("directory")) {
                v.set("directory", c.get("directory"));
            }
            if (guardrails != null) {
                v.put("guardrails", guardrails);
            }
            v.set("expect", c.get("expect"));
            if (c.get("expect") == null) {
                throw new IllegalArgumentException("the case has no expect");
            }
            return new DecisionVector(id, title, List.of(), v, DecisionVector.expectation(c.get("expect")));
        } catch (IllegalArgumentException | IOException e) {
            return DecisionVector.broken(id, title, e.getMessage());
        }
    }

    private ObjectNode caseKey(JsonNode override) {
        ObjectNode k = key.deepCopy();
        if (override != null && override.isObject()) {
            override.fields().forEachRemaining(e -> k.set(e.getKey(), e.getValue()));
        }
        return k;
    }

    private ObjectNode caseCaller(JsonNode c) {
        JsonNode who = c.has("caller") ? c.get("caller") : c.get("principal");
        if (who == null || !who.isTextual()) {
            throw new IllegalArgumentException("the case needs caller: a principal name or ARN");
        }
        ObjectNode caller = principals.containsKey(who.textValue()) ? principals.get(who.textValue()).deepCopy()
                : CallerShorthand.of(who.textValue());
        if (c.has("identityPolicies")) {
            caller.set("identityPolicies", c.get("identityPolicies"));
        }
        caller.set("identityPolicies", resolveIdentity(caller.path("identityPolicies")));
        return caller;
    }

    /** Identity-policy names (or {name, document} objects) into V2 {name, document} objects. */
    private ArrayNode resolveIdentity(JsonNode list) {
        ArrayNode out = F.arrayNode();
        for (JsonNode p : list) {
            if (p.isObject()) {
                out.add(p);
                continue;
            }
            JsonNode doc = identityPolicies.get(p.asText());
            if (doc == null) {
                throw new IllegalArgumentException("unknown identity policy '" + p.asText() + "'");
            }
            out.add(F.objectNode().put("name", p.asText()).set("document", doc));
        }
        return out;
    }

    private ObjectNode key(ObjectNode k) throws IOException {
        if (!k.path("arn").isTextual()) {
            throw new IllegalArgumentException("the suite's key needs an arn");
        }
        JsonNode p = k.get("policy");
        if (p != null && p.isTextual()) {
            k.set("policy", read(p.textValue()));
        }
        return k;
    }

    private Map<String, JsonNode> identityPolicies(JsonNode n) throws IOException {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n == null ? List.<Map.Entry<String, JsonNode>>of().iterator()
                : n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue().isTextual() ? read(e.getValue().textValue()) : e.getValue());
        }
        return out;
    }

    /** A grants file or list; each grant defaults to the suite's key and its account as issuer. */
    private ArrayNode grants(JsonNode n) throws IOException {
        JsonNode list = n == null || n.isNull() ? F.arrayNode() : n.isTextual() ? read(n.textValue()) : n;
        if (list.isObject() && list.has("grants")) {
            list = list.get("grants");
        }
        if (!list.isArray()) {
            throw new IllegalArgumentException("grants must be a list or a file holding one");
        }
        ArrayNode out = F.arrayNode();
        for (JsonNode g : list) {
            ObjectNode copy = ((ObjectNode) g).deepCopy();
            if (!copy.has("keyArn")) {
                copy.put("keyArn", key.get("arn").asText());
            }
            if (!copy.has("issuingAccount")) {
                copy.put("issuingAccount", accountOf(key.get("arn").asText()));
            }
            out.add(copy);
        }
        return out;
    }

    private Map<String, ObjectNode> principals(JsonNode n) {
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        if (n == null) {
            return out;
        }
        n.fields().forEachRemaining(e -> out.put(e.getKey(), principal(e.getKey(), e.getValue())));
        return out;
    }

    private static ObjectNode principal(String name, JsonNode p) {
        if (p.isTextual()) {
            return CallerShorthand.of(p.textValue());
        }
        if (!p.isObject() || !p.path("arn").isTextual()) {
            throw new IllegalArgumentException("principal '" + name + "' needs an arn");
        }
        ObjectNode caller = p.has("type") ? F.objectNode() : CallerShorthand.of(p.get("arn").asText());
        p.fields().forEachRemaining(e -> {
            if (!(e.getKey().equals("arn") && caller.has("roleArn"))) {
                caller.set(e.getKey(), e.getValue());
            }
        });
        return caller;
    }

    private JsonNode read(String relative) throws IOException {
        return VectorFile.read(dir.resolve(relative));
    }

    private static ObjectNode object(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("the suite needs a '" + field + "' object");
        }
        return ((ObjectNode) n).deepCopy();
    }

    static String accountOf(String arn) {
        String[] parts = arn.split(":", 6);
        return parts.length == 6 ? parts[4] : null;
    }

    @Override
    public String toString() {
        return "SuiteFile[" + file + "]";
    }
}
