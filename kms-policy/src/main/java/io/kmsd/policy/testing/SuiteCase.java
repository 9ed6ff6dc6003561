package io.kmsd.policy.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** The request part of a suite case: the suite defaults, then the case's own request fields (V2 names). */
final class SuiteCase {
    /** Case members that are not request fields. */
    private static final Set<String> CASE_FIELDS = Set.of("id", "title", "rules", "caller", "principal", "request",
            "identityPolicies", "grants", "key", "expect", "directory");
    /** The V2 request fields, plus {@code context} as a short name for {@code additionalContext}. */
    static final Set<String> REQUEST_FIELDS = Set.of("action", "keyArn", "currentTime", "sourceIp", "secureTransport",
            "viaService", "encryptionContext", "encryptionAlgorithm", "signingAlgorithm", "messageType",
            "macAlgorithm", "keyAgreementAlgorithm", "keyPairSpec", "requestAlias", "grantTokens", "grant",
            "targetGrantId", "reEncryptOnSameKey", "pendingWindowInDays", "rotationPeriodInDays", "tags", "tagKeys",
            "expirationModel", "validTo", "newPolicy", "bypassPolicyLockoutSafetyCheck", "additionalContext",
            "context", "primaryRegion", "replicaRegion");

    private SuiteCase() {
    }

    static ObjectNode request(JsonNode c, ObjectNode defaults, Path dir) throws IOException {
        ObjectNode r = defaults.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> it = c.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (CASE_FIELDS.contains(e.getKey())) {
                continue;
            }
            if (!REQUEST_FIELDS.contains(e.getKey())) {
                throw new IllegalArgumentException("unknown case field '" + e.getKey() + "'");
            }
            r.set(e.getKey(), e.getValue());
        }
        if (c.path("request").isObject()) {
            c.get("request").fields().forEachRemaining(e -> r.set(e.getKey(), e.getValue()));
        }
        if (r.has("context")) {
            r.set("additionalContext", r.remove("context"));
        }
        if (!r.path("action").isTextual()) {
            throw new IllegalArgumentException("the case needs an action such as kms:Decrypt");
        }
        newPolicyFile(r, dir);
        return r;
    }

    /** In suites a string newPolicy that is not JSON text names a file next to the suite. */
    private static void newPolicyFile(ObjectNode r, Path dir) throws IOException {
        JsonNode np = r.get("newPolicy");
        if (np != null && np.isTextual() && !np.textValue().stripLeading().startsWith("{")) {
            r.set("newPolicy", VectorFile.read(dir.resolve(np.textValue())));
        }
    }
}
