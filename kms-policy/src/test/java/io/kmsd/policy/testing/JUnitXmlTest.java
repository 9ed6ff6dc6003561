package io.kmsd.policy.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** {@code ./kms policy test --junit-xml FILE}: what CI systems read. */
class JUnitXmlTest {
    static final TestReport REPORT = new TestReport(List.of(
            new CaseResult("a/cases.yaml", "ok", "passes", true, false, List.of(), null, ""),
            new CaseResult("a/cases.yaml", "bad", "", false, false, List.of("expected ALLOW, got DENY [implicit]"),
                    null, "DENY (implicit) kms:Decrypt <&> \"q\"\n  deciding: implicit\n"),
            CaseResult.error("b.json", "b.json", "", "cannot read: invalid \u0001 JSON")));

    @Test
    void oneSuitePerFileWithFailuresAndErrors() throws Exception {
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(
                JUnitXml.render(REPORT).getBytes(StandardCharsets.UTF_8)));
        Element root = d.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.getAttribute("tests")).isEqualTo("3");
        assertThat(root.getAttribute("failures")).isEqualTo("1");
        assertThat(root.getAttribute("errors")).isEqualTo("1");
        Element first = (Element) root.getElementsByTagName("testsuite").item(0);
        assertThat(first.getAttribute("name")).isEqualTo("a/cases.yaml");
        assertThat(first.getElementsByTagName("testcase").getLength()).isEqualTo(2);
        Element failure = (Element) d.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("expected ALLOW, got DENY [implicit]");
        assertThat(failure.getTextContent()).contains("DENY (implicit) kms:Decrypt <&> \"q\"\n  deciding: implicit");
        Element error = (Element) d.getElementsByTagName("error").item(0);
        assertThat(error.getAttribute("message")).isEqualTo("cannot read: invalid ? JSON");
    }

    @Test
    void passingCasesAreEmptyElements() {
        assertThat(JUnitXml.render(new TestReport(List.of(REPORT.cases().get(0))))).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuites name="kms policy test" tests="1" failures="0" errors="0" skipped="0">
                  <testsuite name="a/cases.yaml" tests="1" failures="0" errors="0" skipped="0">
                    <testcase classname="a/cases.yaml" name="ok  passes"/>
                  </testsuite>
                </testsuites>
                """);
    }
}
