package io.kmsd.policy.testing;

import io.kmsd.policy.cedar.GuardrailException;
import io.kmsd.policy.cedar.Guardrails;
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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Runs policy test files — decision-vector files and suites (key-policy-semantics V1–V5): every case is decided
 * and compared with its expectation — decision equal, deciding refs equal as a set when given, error equal when
 * given (V4). The entry point of {@code ./kms policy test PATH...} ({@link #run} → {@link TestReport}, whose
 * {@link TestReport#render()}, {@link JUnitXml#render} and {@link TestReport#exitCode()} the command prints and
 * returns) and of the JUnit factories.
 */
public final class PolicyTestRunner {
    private final Evaluator evaluator;
    private final UnaryOperator<Decision> postDecision;
    /** Guardrail directories named by suites ({@code guardrails: DIR}), loaded once per run. */
    private final Map<String, UnaryOperator<Decision>> guardrails = new ConcurrentHashMap<>();

    /**
     * @param postDecision applied to every decision before it is compared, e.g. the Cedar guardrails
     *                     ({@code io.kmsd.policy.cedar.Guardrails::apply}); identity for none
     */
    public PolicyTestRunner(Evaluator evaluator, UnaryOperator<Decision> postDecision) {
        this.evaluator = evaluator;
        this.postDecision = postDecision;
    }

    public PolicyTestRunner(Evaluator evaluator) {
        this(evaluator, UnaryOperator.identity());
    }

    public PolicyTestRunner() {
        this(new Evaluator());
    }

    /** Runs files and folders and prints the report; returns the exit code (0 all passed, 1 otherwise). */
    public int runAndPrint(List<Path> paths, PrintStream out) {
        TestReport report = run(paths);
        out.print(report.render());
        return report.exitCode();
    }

    /** Runs files and folders (folders: every vector file and suite below, in path order). */
    public TestReport run(List<Path> paths) {
        List<CaseResult> all = new ArrayList<>();
        for (Path p : paths) {
            for (Path f : testFiles(p, all)) {
                all.addAll(runFile(f));
            }
        }
        return new TestReport(all);
    }

    /** The test files a path names; an unreadable path becomes a failed case. */
    public static List<Path> testFiles(Path p, List<CaseResult> errors) {
        if (!Files.isDirectory(p)) {
            return List.of(p);
        }
        try (Stream<Path> walk = Files.walk(p)) {
            return walk.filter(Files::isRegularFile).filter(PolicyTestRunner::isDataFile)
                    .filter(VectorFile::looksLikeVectorFile).sorted().toList();
        } catch (IOException e) {
            errors.add(CaseResult.error(p.toString(), p.toString(), "", "cannot list: " + e.getMessage()));
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
            return List.of(CaseResult.error(file.toString(), file.toString(), "", "cannot read: " + e.getMessage()));
        }
        List<CaseResult> out = new ArrayList<>();
        for (DecisionVector v : vf.vectors()) {
            out.add(run(file.toString(), v));
        }
        return out;
    }

    /** Runs one vector. */
    public CaseResult run(String file, DecisionVector v) {
        if (v.problem() != null) {
            return CaseResult.error(file, v.id(), v.title(), "case cannot be run: " + v.problem());
        }
        Decision d;
        try {
            d = postDecision.apply(guardrails(v).apply(Scenario.of(v.json()).decide(evaluator)));
        } catch (GuardrailException e) {
            return CaseResult.error(file, v.id(), v.title(), "guardrails cannot be loaded: " + e.getMessage());
        } catch (RuntimeException e) {
            return CaseResult.error(file, v.id(), v.title(), "vector cannot be run: " + e.getMessage());
        }
        List<String> problems = compare(v.expect(), d);
        String explanation = problems.isEmpty() ? "" : TextRenderer.render(Explainer.explain(d));
        return new CaseResult(file, v.id(), v.title(), problems.isEmpty(), false, problems, d, explanation);
    }

    /** The guardrails a vector names (a directory of .cedar files), or none. */
    private UnaryOperator<Decision> guardrails(DecisionVector v) {
        String dir = v.json().path("guardrails").asText(null);
        return dir == null ? UnaryOperator.identity()
                : guardrails.computeIfAbsent(dir, d -> Guardrails.load(Path.of(d))::apply);
    }

    /**
     * V4 pass criteria (deciding and denyType only when the expectation gives them); the error is compared only
     * when the decision is right, as a wrong decision implies it.
     */
    static List<String> compare(Expectation e, Decision d) {
        if (e == null) {
            return List.of("vector has no expect object");
        }
        List<String> problems = new ArrayList<>();
        String actualError = d.error() == null ? null : d.error().wireName();
        boolean decidingDiffers = e.checksDeciding() && !e.decidingSet().equals(Set.copyOf(d.deciding()));
        boolean decisionDiffers = !e.decision().equals(d.decision());
        if (decisionDiffers || decidingDiffers) {
            problems.add("expected " + e.decision() + (e.checksDeciding() ? " " + e.deciding() : "") + ", got "
                    + d.decision() + " " + d.deciding());
        }
        if (e.denyType() != null && !e.denyType().equals(d.outcome().denyType())) {
            problems.add("expected deny type " + e.denyType() + ", got " + d.outcome().denyType());
        }
        String expectedError = e.effectiveError();
        if (!decisionDiffers && (expectedError != null ? !expectedError.equals(actualError) : actualError != null)) {
            problems.add("expected error " + expectedError + ", got " + actualError);
        }
        return problems;
    }
}
