package io.kmsd.api.cli;

import java.util.Optional;
import net.sourceforge.argparse4j.inf.ArgumentParserException;

/**
 * Ends a command with a process exit status other than 0. A {@link StatusCommand} throws it after printing its
 * report; Dropwizard's {@code Cli} returns it, and {@code KmsApplication.onFatalError} exits with
 * {@link #statusOf(Throwable)}. No stack trace: it is not an error of the program.
 */
public final class CommandExit extends RuntimeException {
    /** Wrong arguments (argparse4j's and Unix's convention; kept apart from a command's own 1). */
    public static final int USAGE = 2;
    /** Any other failure of a command, as Dropwizard answers it. */
    public static final int FAILURE = 1;

    private final int status;

    public CommandExit(int status) {
        super("exit status " + status, null, false, false);
        if (status <= 0 || status > 255) {
            throw new IllegalArgumentException("an exit status is 1-255: " + status);
        }
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** The exit status for what {@code Cli.run} returned: 0 for nothing, else {@link #statusOf(Throwable)}. */
    public static int statusOf(Optional<Throwable> failure) {
        return failure.map(CommandExit::statusOf).orElse(0);
    }

    /** A command's chosen status, {@link #USAGE} for unparsable arguments, {@link #FAILURE} for anything else. */
    public static int statusOf(Throwable failure) {
        if (failure instanceof CommandExit exit) {
            return exit.status;
        }
        return failure instanceof ArgumentParserException ? USAGE : FAILURE;
    }
}
