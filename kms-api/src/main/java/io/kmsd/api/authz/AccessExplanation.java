package io.kmsd.api.authz;

import java.util.List;
import java.util.Objects;

/**
 * One decision explained (key-policy-semantics X1–X7), already rendered by kms-policy: {@code decision}
 * ({@code ALLOW}/{@code DENY}), the deciding references (E20), the human form ({@code ./kms explain}'s default
 * output) and the JSON form ({@code --json}), so callers need not know the engine's types.
 */
public record AccessExplanation(String decision, List<String> deciding, String text, String json) {

    public AccessExplanation {
        Objects.requireNonNull(decision, "decision");
        deciding = List.copyOf(deciding);
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(json, "json");
    }
}
