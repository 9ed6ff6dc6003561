package io.kmsd.policy.testing;

import java.util.List;

/** All case results of a run, rendered as {@code ./kms policy test} prints them, ending {@code N passed, M failed}. */
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

    public String summaryLine() {
        return passed() + " passed, " + failed() + " failed";
    }

    /** One line per case; failures add what differed and the explanation, indented. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        for (CaseResult c : cases) {
            sb.append(c.passed() ? "PASS " : "FAIL ").append(c.id());
            if (!c.title().isEmpty()) {
                sb.append("  ").append(c.title());
            }
            sb.append('\n');
            if (!c.passed()) {
                c.problems().forEach(p -> sb.append("     ").append(p).append('\n'));
                c.explanation().lines().forEach(l -> sb.append("     ").append(l).append('\n'));
            }
        }
        return sb.append(summaryLine()).append('\n').toString();
    }
}
