package io.kmsd.api.cli;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import net.sourceforge.argparse4j.inf.Namespace;

/**
 * A command whose outcome is an exit status: {@link #execute} prints to the given streams and returns the status;
 * a non-zero status becomes a {@link CommandExit}, which ends the process with it and prints nothing more. The
 * streams are injectable so tests read the exact output.
 */
public abstract class StatusCommand extends Command {
    private final PrintStream out;
    private final PrintStream err;

    protected StatusCommand(String name, String description, PrintStream out, PrintStream err) {
        super(name, description);
        this.out = out;
        this.err = err;
    }

    /** Does the work; returns 0 for success or the status to exit with. */
    protected abstract int execute(Namespace namespace, PrintStream out, PrintStream err) throws Exception;

    @Override
    public final void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
        int status = execute(namespace, out, err);
        out.flush();
        err.flush();
        if (status != 0) {
            throw new CommandExit(status);
        }
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        if (!(e instanceof CommandExit)) {
            super.onError(cli, namespace, e);
        }
    }
}
