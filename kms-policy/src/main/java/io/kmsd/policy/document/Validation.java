package io.kmsd.policy.document;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Everything validation found in a policy ({@link PolicyParser#validate}): every violation in G15 order, each with
 * its JSON pointer; the compiled document when there were none; the statements that compiled on their own (the
 * linter still looks at those when others are broken) and the JSON tree (null when the text is not JSON).
 */
public record Validation(PolicyKind kind, List<PolicyViolation> problems, PolicyDocument document,
        List<Statement> statements, JsonNode tree) {

    public Validation {
        problems = List.copyOf(problems);
        statements = List.copyOf(statements);
        if (problems.isEmpty() != (document != null)) {
            throw new IllegalArgumentException("a document exactly when there are no problems");
        }
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
