package io.kmsd.policy.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.kmsd.policy.condition.ContextEntry;
import io.kmsd.policy.condition.PolicyDates;
import io.kmsd.policy.grants.Grant;
import io.kmsd.policy.grants.GrantConstraint;
import io.kmsd.policy.grants.GrantRequest;
import io.kmsd.policy.grants.GrantState;
import io.kmsd.policy.request.KeyAttributes;
import io.kmsd.policy.request.RequestFacts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Field-by-field reading of the V2 objects into engine values. */
final class VectorJson {
    /** V3: the default request time. */
    static final Instant DEFAULT_TIME = Instant.parse("2025-06-01T12:00:00Z");

    private VectorJson() {
    }

    static KeyAttributes attributes(JsonNode k) {
        return new KeyAttributes(text(k, "keySpec"), text(k, "keyUsage"), text(k, "origin"),
                k.path("multiRegion").asBoolean(false), text(k, "multiRegionKeyType"), strings(k.get("aliases")),
                stringMap(k.get("tags")));
    }

    static RequestFacts facts(JsonNode r) {
        return RequestFacts.builder()
                .currentTime(r.has("currentTime") ? instant(r.get("currentTime")) : DEFAULT_TIME)
                .sourceIp(text(r, "sourceIp"))
                .secureTransport(r.has("secureTransport") ? r.get("secureTransport").asBoolean() : null)
                .viaService(text(r, "viaService"))
                .encryptionContext(stringMap(r.get("encryptionContext")))
                .encryptionAlgorithm(text(r, "encryptionAlgorithm"))
                .signingAlgorithm(text(r, "signingAlgorithm"))
                .messageType(text(r, "messageType"))
                .macAlgorithm(text(r, "macAlgorithm"))
                .keyAgreementAlgorithm(text(r, "keyAgreementAlgorithm"))
                .keyPairSpec(text(r, "keyPairSpec"))
                .requestAlias(text(r, "requestAlias"))
                .grantTokens(strings(r.get("grantTokens")))
                .grant(grantRequest(r.get("grant")))
                .targetGrantId(text(r, "targetGrantId"))
                .reEncryptOnSameKey(r.has("reEncryptOnSameKey") ? r.get("reEncryptOnSameKey").asBoolean() : null)
                .pendingWindowInDays(r.has("pendingWindowInDays") ? r.get("pendingWindowInDays").asInt() : null)
                .rotationPeriodInDays(r.has("rotationPeriodInDays") ? r.get("rotationPeriodInDays").asInt() : null)
                .tags(stringMap(r.get("tags")))
                .tagKeys(strings(r.get("tagKeys")))
                .expirationModel(text(r, "expirationModel"))
                .validTo(r.has("validTo") ? instant(r.get("validTo")) : null)
                .bypassPolicyLockoutSafetyCheck(r.has("bypassPolicyLockoutSafetyCheck")
                        ? r.get("bypassPolicyLockoutSafetyCheck").asBoolean() : null)
                .primaryRegion(text(r, "primaryRegion"))
                .replicaRegion(text(r, "replicaRegion"))
                .additionalContext(additional(r.get("additionalContext")))
                .build();
    }

    static Grant grant(JsonNode g) {
        String state = text(g, "state");
        return new Grant(text(g, "grantId"), text(g, "keyArn"), text(g, "granteePrincipal"),
                text(g, "retiringPrincipal"), new LinkedHashSet<>(strings(g.get("operations"))),
                constraint(g.get("constraints")), text(g, "issuingAccount"),
                state == null ? GrantState.ACTIVE : GrantState.valueOf(state),
                g.path("propagated").asBoolean(true), text(g, "token"));
    }

    private static GrantRequest grantRequest(JsonNode g) {
        if (g == null || g.isNull()) {
            return null;
        }
        return new GrantRequest(text(g, "granteePrincipal"), text(g, "retiringPrincipal"),
                strings(g.get("operations")), constraint(g.get("constraints")));
    }

    private static GrantConstraint constraint(JsonNode c) {
        if (c == null || c.isNull()) {
            return null;
        }
        if (c.has("encryptionContextEquals")) {
            return GrantConstraint.equalsContext(stringMap(c.get("encryptionContextEquals")));
        }
        if (c.has("encryptionContextSubset")) {
            return GrantConstraint.subsetOf(stringMap(c.get("encryptionContextSubset")));
        }
        throw new IllegalArgumentException("constraints need encryptionContextEquals or encryptionContextSubset");
    }

    /** V3: additionalContext adds raw keys; an array value makes a multivalued key. */
    private static List<ContextEntry> additional(JsonNode a) {
        List<ContextEntry> out = new ArrayList<>();
        if (a == null) {
            return out;
        }
        a.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            List<String> values = v.isArray() ? strings(v) : List.of(v.asText());
            if (!values.isEmpty()) {
                out.add(new ContextEntry(e.getKey(), values, v.isArray(), "request.additionalContext"));
            }
        });
        return out;
    }

    private static Instant instant(JsonNode n) {
        Instant t = PolicyDates.parse(n.asText());
        if (t == null) {
            throw new IllegalArgumentException("not a time: " + n);
        }
        return t;
    }

    static String text(JsonNode n, String field) {
        JsonNode f = n.get(field);
        return f == null || f.isNull() ? null : f.asText();
    }

    static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n != null && n.isArray()) {
            n.forEach(x -> out.add(x.asText()));
        } else if (n != null && !n.isNull()) {
            out.add(n.asText());
        }
        return out;
    }

    static Map<String, String> stringMap(JsonNode n) {
        Map<String, String> out = new LinkedHashMap<>();
        if (n != null && n.isObject()) {
            n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        }
        return out;
    }
}
