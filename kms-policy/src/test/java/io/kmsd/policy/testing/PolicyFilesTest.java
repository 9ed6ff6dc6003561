package io.kmsd.policy.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every decision-vector file under the repository's {@code policies/} folder becomes a container of dynamic
 * tests, one per case — the same files {@code ./kms policy test policies/} runs (key-policy-semantics V).
 */
class PolicyFilesTest {
    static final Path POLICIES = Path.of("..", "policies").toAbsolutePath().normalize();

    @TestFactory
    Stream<DynamicNode> everyPolicyTestFilePasses() {
        List<CaseResult> errors = new ArrayList<>();
        List<Path> files = Files.isDirectory(POLICIES) ? PolicyTestRunner.testFiles(POLICIES, errors) : List.of();
        if (files.isEmpty()) {
            return Stream.of(DynamicTest.dynamicTest("policies/", () ->
                    assertThat(files).as("no decision-vector files under " + POLICIES).isNotEmpty()));
        }
        PolicyTestRunner runner = new PolicyTestRunner();
        return files.stream().map(f -> DynamicContainer.dynamicContainer(POLICIES.relativize(f).toString(),
                runner.runFile(f).stream().map(PolicyFilesTest::test)));
    }

    private static DynamicTest test(CaseResult r) {
        return DynamicTest.dynamicTest(r.id() + (r.title().isEmpty() ? "" : " " + r.title()), () ->
                assertThat(r.passed()).as(() -> String.join("\n", r.problems()) + "\n" + r.explanation()).isTrue());
    }

    @TestFactory
    Stream<DynamicTest> everyExampleHasAPolicyAReadmeAndTests() throws java.io.IOException {
        List<Path> examples;
        try (Stream<Path> dirs = Files.list(POLICIES)) {
            examples = dirs.filter(Files::isDirectory).filter(d -> Files.exists(d.resolve("policy.json"))).sorted()
                    .toList();
        }
        Stream<DynamicTest> count = Stream.of(DynamicTest.dynamicTest("at least 8 examples", () ->
                assertThat(examples).hasSizeGreaterThanOrEqualTo(8)));
        return Stream.concat(count, examples.stream().map(d -> DynamicTest.dynamicTest(d.getFileName().toString(), () -> {
            assertThat(d.resolve("README.md")).isRegularFile();
            List<CaseResult> cases = new PolicyTestRunner().run(List.of(d)).cases();
            assertThat(cases).as("test cases in " + d).hasSizeGreaterThanOrEqualTo(5);
        })));
    }

    @TestFactory
    Stream<DynamicTest> thePoliciesFolderHoldsAtLeastSixtyCases() {
        return Stream.of(DynamicTest.dynamicTest("at least 60 cases", () -> {
            List<Path> files = PolicyTestRunner.testFiles(POLICIES, new ArrayList<>());
            long cases = 0;
            for (Path f : files) {
                cases += VectorFile.load(f).vectors().size();
            }
            assertThat(cases).isGreaterThanOrEqualTo(60);
        }));
    }
}
