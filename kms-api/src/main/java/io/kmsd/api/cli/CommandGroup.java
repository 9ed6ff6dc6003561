package io.kmsd.api.cli;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import net.sourceforge.argparse4j.inf.Subparsers;

/**
 * A family of subcommands under one Dropwizard command, {@code ./kms policy test ...}, built with argparse4j
 * subparsers: each {@link Subcommand} configures its own parser. A subcommand's non-zero status ends the process
 * with that status ({@link ExitStatus}); its report is already printed, so nothing more is.
 */
public final class CommandGroup extends Command {
    private final Map<String, Subcommand> subcommands = new LinkedHashMap<>();
    private final PrintStream out;
    private final PrintStream err;

    public CommandGroup(String name, String description, List<Subcommand> subcommands, PrintStream out,
                        PrintStream err) {
        super(name, description);
        subcommands.forEach(s -> {
            if (this.subcommands.put(s.name(), s) != null) {
                throw new IllegalArgumentException("subcommand " + name + " " + s.name() + " is defined twice");
            }
        });
        this.out = out;
        this.err = err;
    }

    @Override
    public void configure(Subparser parser) {
        Subparsers subparsers = parser.addSubparsers().title("subcommands").dest(dest()).metavar("SUBCOMMAND");
        for (Subcommand s : subcommands.values()) {
            s.configure(subparsers.addParser(s.name()).help(s.description()).description(s.description()));
        }
    }

    @Override
    public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
        Subcommand s = subcommands.get(namespace.getString(dest()));
        finish(s.run(namespace, out, err), out, err);
    }

    /** Flushes the report; a non-zero status ends the process with it ({@link ExitStatus}). */
    static void finish(int status, PrintStream out, PrintStream err) {
        out.flush();
        err.flush();
        if (status != ExitStatus.OK) {
            throw new ExitStatus(status);
        }
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        if (!reported(cli, getName(), e)) {
            super.onError(cli, namespace, e);
        }
    }

    /**
     * Reports what a command failed with when it is one of ours: nothing more for an {@link ExitStatus} (the report
     * is printed), one line for a bad input ({@link IllegalArgumentException}). False for anything else.
     */
    static boolean reported(Cli cli, String command, Throwable e) {
        if (e instanceof ExitStatus) {
            return true;
        }
        if (e instanceof IllegalArgumentException) {
            cli.getStdErr().println("kms " + command + ": " + e.getMessage());
            cli.getStdErr().flush();
            return true;
        }
        return false;
    }

    private String dest() {
        return getName() + "_subcommand";
    }
}
