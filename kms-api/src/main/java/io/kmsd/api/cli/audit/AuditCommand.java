package io.kmsd.api.cli.audit;

import io.kmsd.api.cli.StatusCommand;
import java.io.PrintStream;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import net.sourceforge.argparse4j.inf.Subparsers;

/**
 * {@code ./kms audit verify|search DIR ...}: one Dropwizard command with two subcommands, so the jar's command
 * list stays one word per area ({@code server}, {@code load}, {@code audit}, ...). DIR is the audit directory
 * ({@code <dataDir>/audit}) or the data directory holding it.
 */
public final class AuditCommand extends StatusCommand {
    static final String SUBCOMMAND = "audit_command";

    public AuditCommand() {
        this(System.out, System.err);
    }

    public AuditCommand(PrintStream out, PrintStream err) {
        super("audit", "Verifies or searches an audit trail: audit verify DIR | audit search DIR [filters]", out, err);
    }

    @Override
    public void configure(Subparser subparser) {
        Subparsers commands = subparser.addSubparsers().dest(SUBCOMMAND).metavar("verify|search");
        VerifySubcommand.configure(commands.addParser("verify").help(VerifySubcommand.HELP));
        SearchSubcommand.configure(commands.addParser("search").help(SearchSubcommand.HELP));
    }

    @Override
    protected int execute(Namespace namespace, PrintStream out, PrintStream err) {
        return switch (namespace.getString(SUBCOMMAND)) {
            case "verify" -> VerifySubcommand.run(namespace, out, err);
            case "search" -> SearchSubcommand.run(namespace, out, err);
            default -> throw new IllegalStateException("no such audit command");
        };
    }
}
