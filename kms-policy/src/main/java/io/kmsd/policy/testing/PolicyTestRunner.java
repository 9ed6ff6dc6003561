package io.kmsd.policy.testing;

import io.kmsd.policy.eval.Decision;
import io.kmsd.policy.eval.Evaluator;
import io.kmsd.policy.explain.Explainer;
import io.kmsd.policy.explain.TextRenderer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Runs policy test files (key-policy-semantics V1–V5): every vector is decided and compared with its
 * expectation — decision equal, deciding refs equal as a set, error equal when given (V4). Used by
 * {@code ./kms policy test PATH...} and by the JUnit factories.
 */
public final class PolicyTestRunner {
    private final Evaluator evaluator;

    public PolicyTestRunner(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    public PolicyTestRunner() {
        this(new Evaluator());
    }

    /** Runs files and folders (folders: every JSON/YAML decision-vector file below, in name order); prints the report. */
    public int runAndPrint(List<Path> paths, PrintStream out) {
        TestReport report = run(paths);
        out.print(report.render());
        return report.allPassed() ? 0 : 1;
    }

    public TestReport run(List<Path> paths) {
        List<CaseResult> all = new ArrayList<>();
        for (Path p : paths) {
            for (Path f : testFiles(p, all)) {
                all.addAll(runFile(f));
            }
        }
        return new TestReport(all);
    }

    /** The vector files a path names; an unreadable path becomes a failed case. */
    public static List<Path> testFiles(Path p, List<CaseResult> errors) {
        if (!Files.isDirectory(p)) {
            return List.of(p);
        }
        try (Stream<Path> walk = Files.walk(p)) {
            return walk.filter(Files::isRegularFile).filter(PolicyTestRunner::isDataFile)
                    .filter(VectorFile::looksLikeVectorFile).sorted().toList();
        } catch (IOException e) {
            errors.add(fileError(p, "cannot list: " + e.getMessage()));
            return List.of();
        }
    }

    private static boolean isDataFile(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".json") || VectorFile.isYaml(p);
    }

    /** All cases of one file; a file that cannot be read is one failed case. */
    public List<CaseResult> runFile(Path file) {
        VectorFile vf;
        try {
            vf = VectorFile.load(file);
        } catch (IOException | RuntimeException e) {
            return List.of(fileError(file, "cannot read: " + e.getMessage()));
        }
        List<CaseResult> out = new ArrayList<>();
        for (DecisionVector v : vf.vectors()) {
            out.add(run(file.toString(), v));
        }
        return out;
    }

    /** Runs one vector. */
    public CaseResult run(String file, DecisionVector v) {
        Decision d;
        try {
            d = Scenario.of(v.json()).decide(evaluator);
        } catch (RuntimeException e) {
            return new CaseResult(file, v.id(), v.title(), false, List.of("vector cannot be run: " + e.getMessage()),
                    null, "");
        }
        List<String> problems = compare(v.expect(), d);
        String explanation = problems.isEmpty() ? "" : TextRenderer.render(Explainer.explain(d));
        return new CaseResult(file, v.id(), v.title(), problems.isEmpty(), problems, d, explanation);
    }

    /** V4 pass criteria. */
    static List<String> compare(Expectation e, Decision d) {
        if (e == null) {
            return List.of("vector has no expect object");
        }
        List<String> problems = new ArrayList<>();
        String actualError = d.error() == null ? null : d.error().wireName();
        if (!e.decision().equals(d.decision()) || !e.decidingSet().equals(Set.copyOf(d.deciding()))) {
            problems.add("expected " + e.decision() + " " + e.deciding() + ", got " + d.decision() + " " + d.deciding());
        }
        String expectedError = e.effectiveError();
        if (expectedError != null ? !expectedError.equals(actualError) : actualError != null) {
            problems.add("expected error " + expectedError + ", got " + actualError);
        }
        return problems;
    }

    private static CaseResult fileError(Path file, String message) {
        return new CaseResult(file.toString(), file.toString(), "", false, List.of(message), null, "");
    }
}
