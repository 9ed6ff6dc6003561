package io.kmsd.api.cli;

import io.kmsd.policy.testing.PolicyTestRunner;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code ./kms policy test PATH...} (DESIGN "CLI"): runs policy test files — decision-vector files of
 * key-policy-semantics §9, JSON or YAML, or folders of them — prints each case with pass/fail (the explanation
 * of every failure) and {@code N passed, M failed}; exit status 1 if any case failed.
 */
public final class PolicyTestCommand implements Subcommand {

    @Override
    public String name() {
        return "test";
    }

    @Override
    public String description() {
        return "Run policy test files (decision vectors, JSON or YAML) and folders of them; exit 1 on a failure";
    }

    @Override
    public void configure(Subparser parser) {
        parser.addArgument("paths").metavar("PATH").nargs("+").help("test file or folder");
    }

    @Override
    public int run(Namespace namespace, PrintStream out, PrintStream err) {
        List<Path> paths = namespace.<String>getList("paths").stream().map(Path::of).toList();
        return new PolicyTestRunner().runAndPrint(paths, out) == 0 ? ExitStatus.OK : ExitStatus.FAILED;
    }
}
