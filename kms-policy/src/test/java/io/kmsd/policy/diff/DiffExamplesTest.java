package io.kmsd.policy.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Diff properties over the worked examples: a policy equals itself, and the diff is symmetric. */
class DiffExamplesTest {
    static final Path POLICIES = Path.of("..", "policies").toAbsolutePath().normalize();

    private static String read(String example) throws IOException {
        return Files.readString(POLICIES.resolve(example).resolve("policy.json"));
    }

    private static DiffReport diff(String a, String b) throws IOException {
        return PolicyDiff.compare(a, read(a), b, read(b), DiffOptions.defaults());
    }

    @TestFactory
    Stream<DynamicTest> everyExampleEqualsItself() throws IOException {
        try (Stream<Path> dirs = Files.list(POLICIES)) {
            List<String> examples = dirs.filter(d -> Files.exists(d.resolve("policy.json")))
                    .map(d -> d.getFileName().toString()).sorted().toList();
            return examples.stream().map(e -> DynamicTest.dynamicTest(e, () ->
                    assertThat(diff(e, e).changes()).isEmpty()));
        }
    }

    @Test
    void newlyAllowedOneWayIsNewlyDeniedTheOther() throws IOException {
        for (String[] pair : new String[][] {{"api-default", "admins-and-users"}, {"via-service", "tag-based"},
                {"cross-account", "encryption-context"}}) {
            DiffReport forward = diff(pair[0], pair[1]);
            DiffReport backward = diff(pair[1], pair[0]);
            assertThat(keys(forward.newlyAllowed())).as(pair[0] + " → " + pair[1]).isNotEmpty()
                    .isEqualTo(keys(backward.newlyDenied()));
            assertThat(keys(forward.newlyDenied())).isEqualTo(keys(backward.newlyAllowed()));
        }
    }

    /** The (principal, identity side, action) of each change: deciding refs differ by direction. */
    private static Set<String> keys(List<Change> cs) {
        return cs.stream().map(c -> c.principal() + "|" + c.identityAllows() + "|" + c.action())
                .collect(Collectors.toSet());
    }
}
