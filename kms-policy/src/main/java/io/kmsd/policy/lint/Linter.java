package io.kmsd.policy.lint;

import io.kmsd.policy.document.PolicyFailure;
import io.kmsd.policy.document.PolicyParser;
import io.kmsd.policy.document.PolicyViolation;
import io.kmsd.policy.document.Validation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * The policy linter behind {@code ./kms policy lint FILE}: validation problems (each one an ERROR), then the rules
 * of {@link LintRule} on every statement that compiled. Findings are ordered by severity, then by statement, then
 * in the order the rules ran.
 */
public final class Linter {
    private Linter() {
    }

    public static LintReport lint(Path file, LintOptions options) throws IOException {
        return lint(file, options, List.of());
    }

    /** Lints a key policy together with the identity policies of {@code identities} (D4 {@code --with-identity}). */
    public static LintReport lint(Path file, LintOptions options, List<LintIdentity> identities) throws IOException {
        return lint(file.toString(), Files.readString(file, StandardCharsets.UTF_8), options, identities);
    }

    /** Lints policy text; {@code label} names it in the report (usually the file path). */
    public static LintReport lint(String label, String text, LintOptions options) {
        return lint(label, text, options, List.of());
    }

    /** Lints policy text with identity policies; {@code label} names it in the report (usually the file path). */
    public static LintReport lint(String label, String text, LintOptions options, List<LintIdentity> identities) {
        Validation v = PolicyParser.validate(text, options.kind(), null);
        LintContext ctx = new LintContext(v, options, identities);
        for (PolicyViolation p : v.problems()) {
            boolean notPrincipalAllow = p.failure() == PolicyFailure.InvalidPrincipal
                    && p.reason().startsWith("NotPrincipal with Effect Allow");
            ctx.findings.add(new Finding(notPrincipalAllow ? LintRule.PRIN_001 : LintRule.VALID_001,
                    p.statementIndex() < 0 ? null : ref(ctx, p), p.pointer(), p.message(), notPrincipalAllow
                    ? "use \"Principal\" with the callers to allow (AWS does not support NotPrincipal with Allow)"
                    : null));
        }
        if (v.tree() != null) {
            new StatementRules(ctx).run();
            new SeparationRules(ctx).run();
        }
        return new LintReport(label, options.kind(), sorted(ctx.findings));
    }

    private static String ref(LintContext ctx, PolicyViolation p) {
        String local = p.sid() == null || p.sid().isEmpty() ? "[" + p.statementIndex() + "]" : p.sid();
        return (ctx.keyPolicy() ? "keyPolicy#" : "") + local;
    }

    private static List<Finding> sorted(List<Finding> findings) {
        return findings.stream().sorted(Comparator.comparing(Finding::severity)
                .thenComparingInt(f -> PointerOrder.statement(f.pointer()))).toList();
    }
}
