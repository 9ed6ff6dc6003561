package io.kmsd.api.cli;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * A {@link Subcommand} as a command of its own, {@code ./kms explain ...}: its parser, its output streams and its
 * exit status ({@link ExitStatus}), as in a {@link CommandGroup}.
 */
public final class SingleCommand extends Command {
    private final Subcommand command;
    private final PrintStream out;
    private final PrintStream err;

    public SingleCommand(Subcommand command, PrintStream out, PrintStream err) {
        super(command.name(), command.description());
        this.command = command;
        this.out = out;
        this.err = err;
    }

    @Override
    public void configure(Subparser parser) {
        command.configure(parser);
    }

    @Override
    public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
        CommandGroup.finish(command.run(namespace, out, err), out, err);
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        if (!CommandGroup.reported(cli, getName(), e)) {
            super.onError(cli, namespace, e);
        }
    }
}
