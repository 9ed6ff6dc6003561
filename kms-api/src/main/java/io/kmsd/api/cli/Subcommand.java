package io.kmsd.api.cli;

import java.io.PrintStream;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * One subcommand of a {@link CommandGroup}, {@code ./kms <group> <name> ...}: its arguments and what it does.
 * Adding one is a class implementing this and one entry in the group's list ({@link KmsCommands}).
 */
public interface Subcommand {

    /** The word after the group, {@code test} in {@code ./kms policy test}. */
    String name();

    /** One line for {@code --help}. */
    String description();

    void configure(Subparser parser);

    /**
     * Runs with the parsed arguments, printing to {@code out} (results) and {@code err} (problems); returns the
     * process exit status: 0 success, 1 a negative result (a failed test), 2 a usage problem.
     */
    int run(Namespace namespace, PrintStream out, PrintStream err) throws Exception;
}
