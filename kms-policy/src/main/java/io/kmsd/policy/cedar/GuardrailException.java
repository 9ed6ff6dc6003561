package io.kmsd.policy.cedar;

import java.util.List;

/**
 * The guardrails cannot be loaded: each problem names the file and line (or the schema) and says what is wrong,
 * e.g. {@code guardrails/no-export.cedar:4: for policy `no-export`, attribute `nope` in context … not found (did
 * you mean `request`?)}. Thrown at start-up, so the service does not run with guardrails it cannot enforce.
 */
public final class GuardrailException extends RuntimeException {
    private final List<String> problems;

    public GuardrailException(List<String> problems) {
        super("invalid guardrails:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
