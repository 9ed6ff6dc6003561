package io.kmsd.api.cli;

import io.kmsd.policy.document.PolicyKind;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/** The arguments the offline policy subcommands share: the policy kind and {@code --json}. */
final class PolicyFileArgs {
    private PolicyFileArgs() {
    }

    static void addKindAndJson(Subparser parser) {
        parser.addArgument("--identity").action(Arguments.storeTrue())
                .help("the file is an identity (IAM) policy, not a key policy");
        addJson(parser);
    }

    static void addJson(Subparser parser) {
        parser.addArgument("--json").action(Arguments.storeTrue()).help("print JSON for scripts");
    }

    static PolicyKind kind(Namespace ns) {
        return ns.getBoolean("identity") ? PolicyKind.IDENTITY : PolicyKind.KEY;
    }

    /** Prints the text or the JSON rendering, with exactly one trailing newline. */
    static void print(PrintStream out, Namespace ns, String text, String json) {
        String shown = ns.getBoolean("json") ? json : text;
        out.print(shown.endsWith("\n") ? shown : shown + "\n");
    }

    static String read(String file) throws IOException {
        return Files.readString(Path.of(file));
    }
}
