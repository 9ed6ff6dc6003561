package io.kmsd.api.cli;

import io.kmsd.policy.cedar.CedarExport;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code ./kms policy export --cedar OUT FILE}: the key policy as equivalent Cedar where it can be translated,
 * written to OUT; the report names every statement that could not be, and the exit status is then 1.
 */
public final class PolicyExportCommand implements Subcommand {

    @Override
    public String name() {
        return "export";
    }

    @Override
    public String description() {
        return "Translate a key policy into Cedar; list the statements that cannot be translated (exit 1 if any)";
    }

    @Override
    public void configure(Subparser parser) {
        parser.addArgument("file").metavar("FILE").help("the key policy (JSON)");
        parser.addArgument("--cedar").metavar("OUT").required(true).help("where to write the Cedar policies");
        PolicyFileArgs.addJson(parser);
    }

    @Override
    public int run(Namespace ns, PrintStream out, PrintStream err) throws Exception {
        String file = ns.getString("file");
        CedarExport export = CedarExport.of(file, PolicyFileArgs.read(file));
        Files.writeString(Path.of(ns.getString("cedar")), export.cedar());
        PolicyFileArgs.print(out, ns, export.renderText(), export.renderJson());
        return export.exitCode();
    }
}
