package io.kmsd.policy.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One decision vector (V2) as read from a file. The parts stay JSON until {@link Scenario#of} compiles them, so a
 * broken vector fails on its own instead of failing the whole file.
 */
public record DecisionVector(String id, String title, List<String> rules, JsonNode json, Expectation expect) {

    public DecisionVector {
        if (id == null || id.isEmpty() || json == null) {
            throw new IllegalArgumentException("a vector needs an id and its JSON");
        }
        title = title == null ? "" : title;
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** Reads the id, title, rules and expectation; {@code expect} may be absent (explain inputs). */
    public static DecisionVector of(JsonNode v) {
        String id = v.path("id").asText(null);
        List<String> rules = new ArrayList<>();
        v.path("rules").forEach(r -> rules.add(r.asText()));
        return new DecisionVector(id == null ? "(no id)" : id, v.path("title").asText(""), rules, v, expectation(v));
    }

    private static Expectation expectation(JsonNode v) {
        JsonNode e = v.get("expect");
        if (e == null || e.isNull()) {
            return null;
        }
        List<String> deciding = new ArrayList<>();
        e.path("deciding").forEach(d -> deciding.add(d.asText()));
        return new Expectation(e.path("decision").asText(null), deciding, e.path("error").asText(null),
                e.path("reason").asText(null));
    }
}
