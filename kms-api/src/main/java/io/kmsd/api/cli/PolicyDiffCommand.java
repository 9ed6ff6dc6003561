package io.kmsd.api.cli;

import io.kmsd.policy.diff.DiffOptions;
import io.kmsd.policy.diff.DiffReport;
import io.kmsd.policy.diff.PolicyDiff;
import java.io.PrintStream;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code ./kms policy diff OLD NEW}: every (principal, action, condition) combination NEW allows that OLD denied,
 * and the reverse; exit 1 when NEW grants new access, so it can gate policy changes in CI.
 */
public final class PolicyDiffCommand implements Subcommand {

    @Override
    public String name() {
        return "diff";
    }

    @Override
    public String description() {
        return "Compare two key policies: newly allowed and newly denied requests; exit 1 when NEW allows more";
    }

    @Override
    public void configure(Subparser parser) {
        parser.addArgument("old").metavar("OLD").help("the current key policy");
        parser.addArgument("new").metavar("NEW").help("the proposed key policy");
        parser.addArgument("--key-arn").help("the key both policies are for (default: inferred)");
        PolicyFileArgs.addJson(parser);
    }

    @Override
    public int run(Namespace ns, PrintStream out, PrintStream err) throws Exception {
        String oldFile = ns.getString("old");
        String newFile = ns.getString("new");
        DiffOptions options = new DiffOptions(ns.getString("key_arn"), DiffOptions.DEFAULT_MAX_CONTEXTS);
        DiffReport report = PolicyDiff.compare(oldFile, PolicyFileArgs.read(oldFile), newFile,
                PolicyFileArgs.read(newFile), options);
        PolicyFileArgs.print(out, ns, report.renderText(), report.renderJson());
        return report.exitCode();
    }
}
