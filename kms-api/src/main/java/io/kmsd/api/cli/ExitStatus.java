package io.kmsd.api.cli;

import java.util.Optional;
import net.sourceforge.argparse4j.inf.ArgumentParserException;

/**
 * How a command's outcome becomes the process exit status. Dropwizard's {@code Cli.run} returns the
 * {@link Throwable} a command failed with and {@code Application.run} then calls {@code onFatalError}; so a
 * command that wants a non-zero status throws this (after printing its report), and
 * {@code KmsApplication.onFatalError} exits with {@link #of(Throwable)}.
 */
public final class ExitStatus extends RuntimeException {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private final int code;

    public ExitStatus(int code) {
        super("exit status " + code, null, false, false);
        if (code <= 0 || code > 255) {
            throw new IllegalArgumentException("an exit status to throw is 1-255");
        }
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The status for what a command failed with: its own, 2 for bad arguments, 1 for anything else. */
    public static int of(Throwable failure) {
        if (failure instanceof ExitStatus s) {
            return s.code;
        }
        return failure instanceof ArgumentParserException ? USAGE : FAILED;
    }

    /** The status for the result of Dropwizard's {@code Cli.run}: 0 when nothing failed. */
    public static int of(Optional<Throwable> failure) {
        return failure.map(ExitStatus::of).orElse(OK);
    }
}
