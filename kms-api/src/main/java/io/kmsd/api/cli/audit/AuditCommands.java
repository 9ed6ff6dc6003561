package io.kmsd.api.cli.audit;

import io.kmsd.api.cli.CommandGroup;
import java.io.PrintStream;
import java.util.List;

/** {@code ./kms audit verify|search DIR ...} (issue 5): the audit family of the jar's commands. */
public final class AuditCommands {
    private AuditCommands() {
    }

    public static CommandGroup audit(PrintStream out, PrintStream err) {
        return new CommandGroup("audit", "Verify or search an audit trail (DIR: <dataDir>/audit or <dataDir>)",
                List.of(new VerifySubcommand(), new SearchSubcommand()), out, err);
    }
}
