package io.kmsd.policy.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JUnit XML form of a {@link TestReport} ({@code ./kms policy test --junit-xml FILE}), as CI systems read it:
 * one {@code <testsuite>} per test file, one {@code <testcase>} per case; a case whose expectation was not met is
 * a {@code <failure>} (message = what differed, body = the explanation), a case that could not be run an
 * {@code <error>}.
 */
public final class JUnitXml {
    private JUnitXml() {
    }

    public static String render(TestReport report) {
        Map<String, List<CaseResult>> byFile = new LinkedHashMap<>();
        report.cases().forEach(c -> byFile.computeIfAbsent(c.file(), f -> new ArrayList<>()).add(c));
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<testsuites name=\"kms policy test\"").append(counts(report.cases())).append(">\n");
        byFile.forEach((file, cases) -> suite(sb, file, cases));
        return sb.append("</testsuites>\n").toString();
    }

    private static void suite(StringBuilder sb, String file, List<CaseResult> cases) {
        sb.append("  <testsuite name=\"").append(attr(file)).append('"').append(counts(cases)).append(">\n");
        for (CaseResult c : cases) {
            sb.append("    <testcase classname=\"").append(attr(file)).append("\" name=\"")
                    .append(attr(c.title().isEmpty() ? c.id() : c.id() + "  " + c.title())).append('"');
            if (c.passed()) {
                sb.append("/>\n");
                continue;
            }
            String tag = c.error() ? "error" : "failure";
            sb.append(">\n      <").append(tag).append(" message=\"").append(attr(String.join("; ", c.problems())))
                    .append("\" type=\"").append(c.error() ? "CaseError" : "ExpectationNotMet").append("\">")
                    .append(text(String.join("\n", c.problems()) + (c.explanation().isEmpty() ? ""
                            : "\n\n" + c.explanation())))
                    .append("</").append(tag).append(">\n    </testcase>\n");
        }
        sb.append("  </testsuite>\n");
    }

    private static String counts(List<CaseResult> cases) {
        long errors = cases.stream().filter(CaseResult::error).count();
        long failures = cases.stream().filter(c -> !c.passed() && !c.error()).count();
        return " tests=\"" + cases.size() + "\" failures=\"" + failures + "\" errors=\"" + errors + "\" skipped=\"0\"";
    }

    static String text(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                default -> sb.appendCodePoint(allowed(cp) ? cp : '?');
            }
        });
        return sb.toString();
    }

    static String attr(String s) {
        return text(s).replace("\"", "&quot;").replace("\n", "&#10;").replace("\t", "&#9;").replace("\r", "&#13;");
    }

    /** XML 1.0 forbids most control characters even escaped. */
    private static boolean allowed(int cp) {
        return cp == '\t' || cp == '\n' || cp == '\r' || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
    }
}
