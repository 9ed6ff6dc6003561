package io.kmsd.policy.condition;

import java.util.List;

/**
 * One request-context key: its name as displayed, its values (never empty, K4), whether the key is multivalued
 * (ArrayOfString, C10) and where the value came from (X1, e.g. {@code request.viaService}).
 */
public record ContextEntry(String key, List<String> values, boolean multivalued, String source) {

    public ContextEntry {
        if (key == null || key.isEmpty() || values == null || values.isEmpty()) {
            throw new IllegalArgumentException("a context entry needs a key and at least one value");
        }
        values = List.copyOf(values);
        source = source == null ? "" : source;
    }

    public String first() {
        return values.get(0);
    }
}
