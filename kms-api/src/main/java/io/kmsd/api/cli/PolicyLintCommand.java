package io.kmsd.api.cli;

import io.kmsd.policy.lint.LintOptions;
import io.kmsd.policy.lint.LintReport;
import io.kmsd.policy.lint.Linter;
import java.io.PrintStream;
import java.nio.file.Path;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/** {@code ./kms policy lint FILE}: findings with rule id and severity, like Access Analyzer's; exit 1 on an error. */
public final class PolicyLintCommand implements Subcommand {

    @Override
    public String name() {
        return "lint";
    }

    @Override
    public String description() {
        return "Find risky or ineffective statements (separation of duties, lockout, wildcards, typos); exit 1 on an error";
    }

    @Override
    public void configure(Subparser parser) {
        parser.addArgument("file").metavar("FILE").help("the policy document (JSON)");
        parser.addArgument("--key-arn").help("the key the policy is for (default: inferred from the policy)");
        PolicyFileArgs.addKindAndJson(parser);
    }

    @Override
    public int run(Namespace ns, PrintStream out, PrintStream err) throws Exception {
        String keyArn = ns.getString("key_arn");
        LintOptions options = new LintOptions(PolicyFileArgs.kind(ns), keyArn, accountOf(keyArn));
        LintReport report = Linter.lint(Path.of(ns.getString("file")), options);
        PolicyFileArgs.print(out, ns, report.renderText(), report.renderJson());
        return report.exitCode();
    }

    private static String accountOf(String keyArn) {
        String[] parts = keyArn == null ? new String[0] : keyArn.split(":");
        return parts.length > 4 ? parts[4] : null;
    }
}
