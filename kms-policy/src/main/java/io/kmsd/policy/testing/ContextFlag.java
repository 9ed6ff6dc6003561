package io.kmsd.policy.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;

/** One {@code --context KEY=VALUE} of {@code ./kms explain}, set as the request fact that produces the key. */
final class ContextFlag {
    /** Condition keys (lower case) produced by a single-valued request field (V3). */
    private static final Map<String, String> FIELDS = Map.of("kms:viaservice", "viaService",
            "aws:sourceip", "sourceIp", "aws:currenttime", "currentTime", "aws:securetransport", "secureTransport",
            "kms:requestalias", "requestAlias", "kms:encryptionalgorithm", "encryptionAlgorithm",
            "kms:signingalgorithm", "signingAlgorithm", "kms:messagetype", "messageType",
            "kms:macalgorithm", "macAlgorithm", "kms:datakeypairspec", "keyPairSpec");

    private ContextFlag() {
    }

    static void apply(String kv, ObjectNode request, ObjectNode caller, ObjectNode key) {
        int eq = kv.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("--context needs KEY=VALUE, got '" + kv + "'");
        }
        String k = kv.substring(0, eq);
        String v = kv.substring(eq + 1);
        String lower = k.toLowerCase(Locale.ROOT);
        if (FIELDS.containsKey(lower)) {
            request.put(FIELDS.get(lower), v);
        } else if (lower.startsWith("kms:encryptioncontext:")) {
            request.withObjectProperty("encryptionContext").put(k.substring("kms:EncryptionContext:".length()), v);
        } else if (lower.startsWith("aws:principaltag/")) {
            caller.withObjectProperty("tags").put(k.substring("aws:PrincipalTag/".length()), v);
        } else if (lower.startsWith("aws:resourcetag/")) {
            key.withObjectProperty("tags").put(k.substring("aws:ResourceTag/".length()), v);
        } else if (lower.equals("aws:principalorgid")) {
            caller.put("orgId", v);
        } else {
            additional(request.withObjectProperty("additionalContext"), k, v);
        }
    }

    /** A key given twice becomes multivalued. */
    private static void additional(ObjectNode extra, String k, String v) {
        JsonNode old = extra.get(k);
        if (old == null) {
            extra.put(k, v);
        } else if (old.isArray()) {
            ((ArrayNode) old).add(v);
        } else {
            extra.putArray(k).add(old.asText()).add(v);
        }
    }
}
