package io.kmsd.policy.testing;

import io.kmsd.policy.eval.Decision;
import java.util.List;

/**
 * The result of one test case: pass/fail, what differed (empty when passed), the decision (null when the vector
 * could not be run) and, on failure, the rendered explanation.
 */
public record CaseResult(String file, String id, String title, boolean passed, List<String> problems,
        Decision decision, String explanation) {

    public CaseResult {
        problems = List.copyOf(problems);
        explanation = explanation == null ? "" : explanation;
        if (passed && !problems.isEmpty()) {
            throw new IllegalArgumentException("a passed case has no problems");
        }
    }
}
