package io.kmsd.policy.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The worked examples under policies/: the broken one produces exactly its findings, the others are clean. */
class LintExamplesTest {
    static final Path POLICIES = Path.of("..", "policies").toAbsolutePath().normalize();
    static final String BROKEN = "policies/broken/policy.json";

    private static LintReport lint(String relative) throws IOException {
        String text = Files.readString(POLICIES.resolve(relative.substring("policies/".length())), StandardCharsets.UTF_8);
        return Linter.lint(relative, text, LintOptions.keyPolicy());
    }

    @Test
    void theBrokenExampleHasItsSevenMistakes() throws IOException {
        LintReport r = lint(BROKEN);
        assertThat(r.findings()).extracting(f -> f.rule().id() + " " + f.ref()).containsExactly(
                "SOD-001 keyPolicy#Everything for ops",
                "NEVER-001 keyPolicy#Forgot the resource",
                "SOD-002 keyPolicy#Everything for ops",
                "ACT-001 keyPolicy#Anyone can decrypt",
                "SOD-003 keyPolicy#Anyone can decrypt",
                "XACCT-001 keyPolicy#Partner administers",
                "KEY-001 keyPolicy#Anyone can decrypt",
                "SID-001 keyPolicy#Anyone can decrypt");
        assertThat(r.findings()).extracting(Finding::pointer).containsExactly("/Statement/0", "/Statement/4",
                "/Statement/0/Action", "/Statement/1/Action/0", "/Statement/1/Principal", "/Statement/2/Action",
                "/Statement/3/Condition/StringEquals/kms:CallerAcount", "/Statement/3/Sid");
        assertThat(r.exitCode()).isEqualTo(1);
    }

    @Test
    void theBrokenExamplesReportIsTheOneItsFolderShows() throws IOException {
        String expected = Files.readString(POLICIES.resolve("broken/expected-lint.txt"), StandardCharsets.UTF_8);
        assertThat(lint(BROKEN).renderText()).isEqualTo(expected);
    }

    @TestFactory
    Stream<DynamicTest> theOtherExamplesHaveNoErrorsOrWarnings() throws IOException {
        List<String> examples;
        try (Stream<Path> dirs = Files.list(POLICIES)) {
            examples = dirs.filter(d -> Files.isRegularFile(d.resolve("policy.json")))
                    .map(d -> "policies/" + d.getFileName() + "/policy.json").filter(p -> !p.equals(BROKEN)).sorted()
                    .toList();
        }
        assertThat(examples).hasSizeGreaterThanOrEqualTo(7);
        return examples.stream().map(p -> DynamicTest.dynamicTest(p, () ->
                assertThat(lint(p).exitCode(Severity.WARNING)).as(lint(p).renderText()).isZero()));
    }

    @Test
    void theAdministratorsExampleNotesEscalation() throws IOException {
        assertThat(lint("policies/admins-and-users/policy.json").findings()).extracting(f -> f.rule().id())
                .containsExactly("SOD-004");
    }
}
