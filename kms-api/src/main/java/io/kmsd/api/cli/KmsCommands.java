package io.kmsd.api.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * The command families of the jar besides {@code server}, {@code check} and {@code load}. To add a subcommand,
 * write a {@link Subcommand} and list it here.
 */
public final class KmsCommands {
    private KmsCommands() {
    }

    /** {@code ./kms policy ...}: policy documents offline. */
    public static CommandGroup policy(PrintStream out, PrintStream err) {
        return new CommandGroup("policy", "Work with key policies offline: templates, tests, validation, lint, diff, Cedar export",
                List.of(new PolicyTemplateCommand(), new PolicyTestCommand(), new PolicyValidateCommand(),
                        new PolicyLintCommand(), new PolicyDiffCommand(), new PolicyExportCommand()), out, err);
    }

    /** {@code ./kms explain ...}: one decision explained, offline, from a live server, or from the audit trail. */
    public static SingleCommand explain(PrintStream out, PrintStream err) {
        return new SingleCommand(new ExplainCommand(), out, err);
    }
}
