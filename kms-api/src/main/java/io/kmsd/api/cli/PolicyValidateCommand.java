package io.kmsd.api.cli;

import io.kmsd.policy.lint.ValidationReport;
import java.io.PrintStream;
import java.nio.file.Path;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/** {@code ./kms policy validate FILE}: every grammar error with its JSON pointer (key-policy-semantics G); exit 1 on any. */
public final class PolicyValidateCommand implements Subcommand {

    @Override
    public String name() {
        return "validate";
    }

    @Override
    public String description() {
        return "Check a policy's grammar; every error with its JSON pointer; exit 1 on any error";
    }

    @Override
    public void configure(Subparser parser) {
        parser.addArgument("file").metavar("FILE").help("the policy document (JSON)");
        PolicyFileArgs.addKindAndJson(parser);
    }

    @Override
    public int run(Namespace ns, PrintStream out, PrintStream err) throws Exception {
        ValidationReport report = ValidationReport.validate(Path.of(ns.getString("file")), PolicyFileArgs.kind(ns));
        PolicyFileArgs.print(out, ns, report.renderText(), report.renderJson());
        return report.exitCode();
    }
}
