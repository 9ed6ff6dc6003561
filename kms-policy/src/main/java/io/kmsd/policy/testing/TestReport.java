package io.kmsd.policy.testing;

import java.util.List;
import java.util.Objects;

/**
 * All case results of a run, rendered as {@code ./kms policy test} prints them: the cases of each file under its
 * path, failures with what differed and the explanation, and a last line {@code N passed, M failed}.
 */
public record TestReport(List<CaseResult> cases) {

    public TestReport {
        cases = List.copyOf(cases);
    }

    public long passed() {
        return cases.stream().filter(CaseResult::passed).count();
    }

    public long failed() {
        return cases.size() - passed();
    }

    public boolean allPassed() {
        return failed() == 0;
    }

    /** The command's exit code: 0 when every case passed, 1 otherwise (also when there were no cases). */
    public int exitCode() {
        return allPassed() && !cases.isEmpty() ? 0 : 1;
    }

    public String summaryLine() {
        return passed() + " passed, " + failed() + " failed";
    }

    /**
     * <pre>
     * policies/cross-account/cases.yaml
     *   PASS partner-decrypts  Partner role decrypts with its identity policy
     *   FAIL partner-disables  …
     *        expected ALLOW, got DENY [crossAccountUnsupported]
     *        DENY (cross account unsupported) kms:DisableKey on key/… by …
     * 1 passed, 1 failed
     * </pre>
     */
    public String render() {
        StringBuilder sb = new StringBuilder();
        String file = null;
        for (CaseResult c : cases) {
            if (!Objects.equals(file, c.file())) {
                file = c.file();
                sb.append(file).append('\n');
            }
            sb.append(c.passed() ? "  PASS " : "  FAIL ").append(c.id());
            if (!c.title().isEmpty()) {
                sb.append("  ").append(c.title());
            }
            sb.append('\n');
            if (!c.passed()) {
                c.problems().forEach(p -> sb.append("       ").append(p).append('\n'));
                c.explanation().lines().forEach(l -> sb.append("       ").append(l).append('\n'));
            }
        }
        if (cases.isEmpty()) {
            sb.append("no test cases found\n");
        }
        return sb.append(summaryLine()).append('\n').toString();
    }
}
