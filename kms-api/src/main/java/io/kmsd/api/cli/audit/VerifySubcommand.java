package io.kmsd.api.cli.audit;

import io.kmsd.api.cli.Subcommand;
import io.kmsd.audit.verify.AuditVerifier;
import io.kmsd.audit.verify.VerifyResult;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code ./kms audit verify DIR [--json]}: checks every chain link and digest signature and names the first bad
 * place. Exit status: 0 intact, 1 tampered, 3 intact but for a torn last line left by a crash (not tampering),
 * 2 the directory cannot be read (issue 5 item 3; {@link VerifyResult}).
 */
final class VerifySubcommand implements Subcommand {

    @Override
    public String name() {
        return "verify";
    }

    @Override
    public String description() {
        return "check the hash chain and signed digests; exit 0 ok, 1 tampered, 3 torn tail, 2 unreadable";
    }

    @Override
    public void configure(Subparser p) {
        p.addArgument("dir").metavar("DIR").help("the audit directory (<dataDir>/audit) or the data directory");
        p.addArgument("--json").action(Arguments.storeTrue()).help("print the report as one JSON object");
    }

    @Override
    public int run(Namespace ns, PrintStream out, PrintStream err) {
        Optional<Path> dir = TrailDirectory.resolve(ns.getString("dir"));
        if (dir.isEmpty()) {
            err.println("kms audit verify: not a directory: " + ns.getString("dir"));
            return VerifyResult.EXIT_ERROR;
        }
        VerifyResult result;
        try {
            result = AuditVerifier.verify(dir.get());
        } catch (UncheckedIOException e) {
            err.println("kms audit verify: " + e.getMessage());
            return VerifyResult.EXIT_ERROR;
        }
        out.print(ns.getBoolean("json") ? result.toJson() + "\n" : result.describe());
        return result.exitCode();
    }
}
