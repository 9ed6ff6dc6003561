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
        return new CommandGroup("policy", "Work with key policies offline: templates and policy tests",
                List.of(new PolicyTemplateCommand(), new PolicyTestCommand()), out, err);
    }
}
