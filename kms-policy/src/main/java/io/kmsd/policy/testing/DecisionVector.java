package io.kmsd.policy.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One decision vector (V2) as read from a file, or expanded from a suite case. The parts stay JSON until
 * {@link Scenario#of} compiles them, so a broken vector fails on its own instead of failing the whole file;
 * {@code problem} is set when the case could not even be assembled (e.g. a suite case naming an unknown caller).
 */
public record DecisionVector(String id, String title, List<String> rules, JsonNode json, Expectation expect,
        String problem) {

    public DecisionVector {
        if (id == null || id.isEmpty() || json == null) {
            throw new IllegalArgumentException("a vector needs an id and its JSON");
        }
        title = title == null ? "" : title;
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    public DecisionVector(String id, String title, List<String> rules, JsonNode json, Expectation expect) {
        this(id, title, rules, json, expect, null);
    }

    /** Reads the id, title, rules and expectation; {@code expect} may be absent (explain inputs). */
    public static DecisionVector of(JsonNode v) {
        String id = v.path("id").asText(null);
        List<String> rules = new ArrayList<>();
        v.path("rules").forEach(r -> rules.add(r.asText()));
        return new DecisionVector(id == null ? "(no id)" : id, v.path("title").asText(""), rules, v,
                expectation(v.get("expect")));
    }

    /** A case that cannot be run, reported as such. */
    public static DecisionVector broken(String id, String title, String problem) {
        return new DecisionVector(id, title, List.of(), com.fasterxml.jackson.databind.node.MissingNode.getInstance(),
                null, problem);
    }

    /**
     * The {@code expect} object, or a bare {@code "ALLOW"} / {@code "DENY"} (suite short form); null when absent.
     *
     * @throws IllegalArgumentException when it is neither
     */
    static Expectation expectation(JsonNode e) {
        if (e == null || e.isNull()) {
            return null;
        }
        if (e.isTextual()) {
            return new Expectation(e.textValue(), null, null, null, null);
        }
        List<String> deciding = null;
        if (e.has("deciding")) {
            deciding = new ArrayList<>();
            for (JsonNode d : e.get("deciding")) {
                deciding.add(d.asText());
            }
        }
        return new Expectation(e.path("decision").asText(null), deciding, e.path("error").asText(null),
                e.path("denyType").asText(null), e.path("reason").asText(null));
    }
}
