package io.kmsd.policy.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kmsd.policy.eval.Decision;
import io.kmsd.policy.eval.Evaluator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The inputs of {@code ./kms explain} given as flags ({@code --key-policy FILE}, {@code --identity-policy FILE}…,
 * {@code --grants FILE}, {@code --principal ARN}, {@code --action kms:Op}, {@code --key-arn ARN},
 * {@code --context KEY=VALUE}…) or as a decision-vector file ({@code --request FILE}), turned into a decision.
 * Flags become a V2 vector, so both forms are decided by the same code. Context keys that a request fact
 * produces are set as that fact ({@code kms:EncryptionContext:k}, {@code kms:ViaService}, {@code aws:SourceIp},
 * {@code aws:CurrentTime}, {@code aws:SecureTransport}, {@code aws:PrincipalTag/k}, {@code aws:ResourceTag/k},
 * {@code aws:PrincipalOrgID}, {@code kms:RequestAlias}, the algorithm keys); any other key is added as is, and a
 * key given twice becomes multivalued.
 */
public final class ExplainRequest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Path keyPolicy;
    private final List<Path> identityPolicies = new ArrayList<>();
    private Path grants;
    private String principal;
    private String action;
    private String keyArn;
    private final List<String> context = new ArrayList<>();

    public ExplainRequest keyPolicy(Path v) { keyPolicy = v; return this; }
    /** Repeatable; the policy is named after its file (without extension) in references. */
    public ExplainRequest identityPolicy(Path v) { identityPolicies.add(v); return this; }
    public ExplainRequest grants(Path v) { grants = v; return this; }
    public ExplainRequest principal(String v) { principal = v; return this; }
    public ExplainRequest action(String v) { action = v; return this; }
    public ExplainRequest keyArn(String v) { keyArn = v; return this; }
    /** Repeatable {@code KEY=VALUE}. */
    public ExplainRequest context(String keyEqualsValue) { context.add(keyEqualsValue); return this; }

    /**
     * Decides a {@code --request FILE}: a vector file holding exactly one vector, or a bare vector; its
     * {@code expect}, if any, is ignored.
     *
     * @throws IllegalArgumentException when the file holds no or several vectors, or is not a valid vector
     */
    public static Decision decideFile(Path file, Evaluator evaluator) throws IOException {
        VectorFile vf = VectorFile.load(file);
        if (vf.vectors().size() != 1) {
            throw new IllegalArgumentException(file + " holds " + vf.vectors().size() + " vectors; --request needs one");
        }
        DecisionVector v = vf.vectors().get(0);
        if (v.problem() != null) {
            throw new IllegalArgumentException(v.problem());
        }
        return Scenario.of(v.json()).decide(evaluator);
    }

    /**
     * Decides the request the flags describe.
     *
     * @throws IllegalArgumentException naming the missing or malformed flag
     */
    public Decision decide(Evaluator evaluator) throws IOException {
        return Scenario.of(vector()).decide(evaluator);
    }

    /** The V2 vector the flags stand for. */
    ObjectNode vector() throws IOException {
        require(keyPolicy, "--key-policy");
        require(principal, "--principal");
        require(action, "--action");
        require(keyArn, "--key-arn");
        ObjectNode key = F.objectNode().put("arn", keyArn).set("policy", VectorFile.read(keyPolicy));
        ObjectNode caller = CallerShorthand.of(principal);
        ArrayNode ids = caller.putArray("identityPolicies");
        for (Path p : identityPolicies) {
            ids.addObject().put("name", baseName(p)).set("document", VectorFile.read(p));
        }
        ObjectNode request = F.objectNode().put("action", action).put("keyArn", keyArn);
        for (String kv : context) {
            ContextFlag.apply(kv, request, caller, key);
        }
        ObjectNode v = F.objectNode().put("id", "explain");
        v.set("key", key);
        v.set("caller", caller);
        v.set("grants", grants == null ? F.arrayNode() : grantList(VectorFile.read(grants)));
        v.set("request", request);
        return v;
    }

    private JsonNode grantList(JsonNode n) {
        JsonNode list = n.isObject() && n.has("grants") ? n.get("grants") : n;
        ArrayNode out = F.arrayNode();
        for (JsonNode g : list) {
            ObjectNode copy = ((ObjectNode) g).deepCopy();
            if (!copy.has("keyArn")) {
                copy.put("keyArn", keyArn);
            }
            if (!copy.has("issuingAccount")) {
                copy.put("issuingAccount", SuiteFile.accountOf(keyArn));
            }
            out.add(copy);
        }
        return out;
    }

    private static void require(Object v, String flag) {
        if (v == null) {
            throw new IllegalArgumentException(flag + " is required (or give --request FILE)");
        }
    }

    private static String baseName(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
