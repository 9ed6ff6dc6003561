package io.kmsd.policy.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The 50 shared acceptance vectors (spec/policy-vectors.json), one dynamic test each (key-policy-semantics V4).
 * The file lives outside the repository, next to it: {@code ../shared/spec/} from the repository root.
 */
class SharedVectorsTest {
    static final Path VECTORS = Path.of("..", "..", "shared", "spec", "policy-vectors.json").toAbsolutePath().normalize();

    @TestFactory
    Stream<DynamicTest> everySharedVectorPasses() {
        if (!Files.isRegularFile(VECTORS)) {
            return Stream.of(DynamicTest.dynamicTest("policy-vectors.json",
                    () -> Assertions.fail("policy-vectors.json not found at " + VECTORS)));
        }
        PolicyTestRunner runner = new PolicyTestRunner();
        List<CaseResult> results = runner.runFile(VECTORS);
        return results.stream().map(r -> DynamicTest.dynamicTest(r.id() + " " + r.title(), () ->
                assertThat(r.passed()).as(() -> String.join("\n", r.problems()) + "\n" + r.explanation()).isTrue()));
    }

    @TestFactory
    Stream<DynamicTest> theSharedFileHoldsFiftyVectors() {
        return Stream.of(DynamicTest.dynamicTest("50 vectors", () -> {
            assertThat(VECTORS).as("policy-vectors.json not found at " + VECTORS).isRegularFile();
            assertThat(VectorFile.load(VECTORS).vectors()).hasSize(50);
        }));
    }
}
