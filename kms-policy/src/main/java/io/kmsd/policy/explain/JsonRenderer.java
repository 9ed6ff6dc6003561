package io.kmsd.policy.explain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kmsd.policy.explain.Explanation.ConditionResult;
import io.kmsd.policy.explain.Explanation.ElementResult;
import io.kmsd.policy.explain.Explanation.GrantResult;
import io.kmsd.policy.explain.Explanation.Phase;
import io.kmsd.policy.explain.Explanation.PolicyResult;
import io.kmsd.policy.explain.Explanation.StatementResult;
import java.util.List;

/**
 * The JSON form of an explanation (X1, {@code ./kms explain --json}). {@code deciding} is a list of
 * {@code {source, sid, ref}} objects (the CLI contract of DESIGN.md; {@code sid} null for non-statement references),
 * {@code decidingRefs} the plain E20 strings; beyond X1 it carries {@code verdict} (the AWS message),
 * {@code missing} (condition keys asked for but absent), {@code guardrails} and {@code suggestions}.
 */
public final class JsonRenderer {
    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private JsonRenderer() {
    }

    public static String render(Explanation x) {
        try {
            return MAPPER.writeValueAsString(toJson(x));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("explanation cannot be serialized", e);
        }
    }

    public static ObjectNode toJson(Explanation x) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("decision", x.decision());
        o.put("denyType", x.denyType());
        o.put("path", x.path().name());
        ArrayNode deciding = o.putArray("deciding");
        x.deciding().forEach(ref -> deciding.add(decidingRef(ref)));
        strings(o.putArray("decidingRefs"), x.deciding());
        o.put("summary", x.summary());
        o.put("verdict", x.verdict());
        ObjectNode req = o.putObject("request");
        req.put("caller", x.request().caller());
        req.put("callerType", x.request().callerType());
        req.put("action", x.request().action());
        req.put("keyArn", x.request().resource());
        strings(req.putArray("callerChain"), x.request().callerChain());
        ArrayNode ctx = o.putArray("context");
        x.context().forEach(c -> {
            ObjectNode n = ctx.addObject().put("key", c.key());
            if (c.values().size() == 1) {
                n.put("value", c.values().get(0));
            } else {
                strings(n.putArray("value"), c.values());
            }
            n.put("source", c.source());
        });
        ArrayNode missing = o.putArray("missing");
        x.missing().forEach(m -> strings(missing.addObject().put("key", m.key()).putArray("askedBy"), m.askedBy()));
        ArrayNode policies = o.putArray("policies");
        x.policies().forEach(p -> policy(policies.addObject(), p));
        ArrayNode grants = o.putArray("grants");
        x.grants().forEach(g -> grant(grants.addObject(), g));
        ArrayNode guardrails = o.putArray("guardrails");
        x.guardrails().forEach(g -> guardrails.addObject().put("policyId", g.policyId()).put("result", g.result())
                .put("detail", g.detail()));
        strings(o.putArray("notes"), x.notes());
        strings(o.putArray("suggestions"), x.suggestions());
        ArrayNode phases = o.putArray("phases");
        x.phases().forEach(ph -> phase(phases.addObject(), ph));
        return o;
    }

    /** One deciding reference as the CLI contract shows it: {@code {source, sid, ref}}. */
    public static ObjectNode decidingRef(String ref) {
        ObjectNode n = MAPPER.createObjectNode();
        int hash = ref.indexOf('#');
        n.put("source", hash < 0 ? ref : ref.substring(0, hash));
        n.put("sid", hash < 0 ? null : ref.substring(hash + 1));
        n.put("ref", ref);
        return n;
    }

    private static void policy(ObjectNode n, PolicyResult p) {
        n.put("source", p.source());
        ArrayNode ss = n.putArray("statements");
        p.statements().forEach(s -> statement(ss.addObject(), s));
    }

    private static void statement(ObjectNode n, StatementResult s) {
        n.put("ref", s.ref());
        n.put("index", s.index());
        n.put("sid", s.sid());
        n.put("effect", s.effect());
        n.put("result", s.result());
        element(n.putObject("principal"), s.principal(), "matchedEntry");
        element(n.putObject("action"), s.action(), "matchedPattern");
        element(n.putObject("resource"), s.resource(), "matchedPattern");
        ArrayNode cs = n.putArray("conditions");
        s.conditions().forEach(c -> condition(cs.addObject(), c));
        if (s.firstFailure() == null) {
            n.putNull("firstFailure");
        } else {
            n.putObject("firstFailure").put("element", s.firstFailure().element())
                    .put("expected", s.firstFailure().expected()).put("actual", s.firstFailure().actual())
                    .put("detail", s.firstFailure().detail());
        }
    }

    private static void element(ObjectNode n, ElementResult e, String matchedName) {
        n.put("result", e.result());
        n.put(matchedName, e.matched());
    }

    private static void condition(ObjectNode n, ConditionResult c) {
        n.put("operator", c.operator());
        n.put("key", c.key());
        strings(n.putArray("policyValues"), c.policyValues());
        strings(n.putArray("resolvedPolicyValues"), c.resolvedPolicyValues());
        if (c.requestValues() == null) {
            n.putNull("requestValues");
        } else {
            strings(n.putArray("requestValues"), c.requestValues());
        }
        n.put("keyPresent", c.keyPresent());
        n.put("result", c.result());
        n.put("reason", c.reason().name());
    }

    private static void grant(ObjectNode n, GrantResult g) {
        n.put("grantId", g.grantId());
        n.put("result", g.result());
        n.put("firstFailure", g.firstFailure() == null ? null : g.firstFailure().name());
        n.put("detail", g.detail());
    }

    private static void phase(ObjectNode n, Phase ph) {
        n.put("phase", ph.name());
        n.put("result", ph.result());
        n.put("detail", ph.detail());
        strings(n.putArray("deciding"), ph.deciding());
    }

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }
}
