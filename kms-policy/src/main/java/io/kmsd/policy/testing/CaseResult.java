package io.kmsd.policy.testing;

import io.kmsd.policy.eval.Decision;
import java.util.List;

/**
 * The result of one test case: pass/fail, whether it could not be run at all ({@code error}: unreadable file,
 * broken vector — JUnit's "error" rather than "failure"), what differed (empty when passed), the decision (null
 * when the vector could not be run) and, on failure, the rendered explanation.
 */
public record CaseResult(String file, String id, String title, boolean passed, boolean error, List<String> problems,
        Decision decision, String explanation) {

    public CaseResult {
        problems = List.copyOf(problems);
        explanation = explanation == null ? "" : explanation;
        title = title == null ? "" : title;
        if (passed && (error || !problems.isEmpty())) {
            throw new IllegalArgumentException("a passed case has no problems");
        }
    }

    /** A case that could not be run. */
    public static CaseResult error(String file, String id, String title, String problem) {
        return new CaseResult(file, id, title, false, true, List.of(problem), null, "");
    }
}
