package io.kmsd.api.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.util.JarLocation;
import io.kmsd.api.KmsApplication;
import io.kmsd.api.KmsConfiguration;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Runs {@code ./kms explain ...} in-process as the jar would, capturing its output and exit status. */
final class ExplainCli {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Result(int status, String out, String err) {

        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + out + err, e);
            }
        }

        /** {@code decision} of the JSON output. */
        String decision() {
            return json().path("decision").asText();
        }

        /** {@code decidingRefs} of the JSON output. */
        List<String> deciding() {
            List<String> refs = new ArrayList<>();
            json().path("decidingRefs").forEach(n -> refs.add(n.asText()));
            return refs;
        }
    }

    private ExplainCli() {
    }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        Bootstrap<KmsConfiguration> bootstrap = new Bootstrap<>(new KmsApplication());
        bootstrap.addCommand(KmsCommands.explain(o, e));
        int status = ExitStatus.of(new Cli(new JarLocation(KmsApplication.class), bootstrap, o, e).run(args));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Result run(List<String> args) {
        return run(args.toArray(String[]::new));
    }
}
