package io.kmsd.api.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.sourceforge.argparse4j.ArgumentParsers;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.ArgumentParser;
import net.sourceforge.argparse4j.inf.ArgumentParserException;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code ./kms load}: a closed-loop load generator for a running server on loopback.
 *
 * <p>Each of {@code --connections} threads owns one keep-alive HTTP/1.1 socket and sends one SigV4-signed request
 * at a time, waiting for each response (a closed loop: throughput is what the server sustains at that
 * concurrency; latency is per request, so there is no coordinated-omission correction). Operations given with
 * {@code --op} (repeatable or comma-separated) run one after another, each for {@code --warmup} (sent, not
 * recorded) then {@code --duration} (recorded). For each it prints requests, errors by {@code __type},
 * requests/s and p50/p90/p99/max latency of the successful requests (HdrHistogram), then a one-line summary.
 *
 * <pre>
 * ./kms load --op Ping,Encrypt,Decrypt --connections 16 --duration 20s --warmup 5s
 * ./kms load --op GenerateDataKey --key-id alias/bench --access-key AKIA... --secret-key ...
 * </pre>
 *
 * <ul>
 *   <li>{@code Ping} is {@code GET /ping} on the API port: the HTTP stack alone, to see what our own work costs.
 *   <li>Key operations use {@code --key-id}, or a key the tool makes with CreateKey first. Decrypt and ReEncrypt
 *       send one ciphertext made by an Encrypt before the loop. Encrypt sends {@code --plaintext-bytes} random
 *       bytes; GenerateDataKey asks for AES_256. Sign signs the same payload (RAW) with {@code --key-id}, which
 *       must then be a SIGN_VERIFY key, or with a key of {@code --key-spec} (default ECC_NIST_P256) the tool
 *       creates, using the first algorithm the key lists ({@code ./kms load --op Sign --key-spec RSA_2048}).
 *   <li>Credentials: {@code --access-key}/{@code --secret-key} (and {@code --session-token}), else profile
 *       {@code --profile} (default {@code kms-local}) of {@code --credentials-file} (default
 *       {@code ./data/credentials}, written by the server's first start).
 *   <li>Bounded: only loopback {@code http://} endpoints are accepted; connections, duration, warm-up, requests
 *       per operation ({@code --max-requests}) and per-request wait ({@code --request-timeout}) all have limits
 *       ({@link LoadOptions}).
 *   <li>Cheap: the client is a few hundred lines over {@link java.net.Socket}; a request's signed head is reused
 *       within one second and the SigV4 signing key within one day, since client and server share the cores.
 * </ul>
 */
public final class LoadTool extends Command {
    private final Clock clock;

    public LoadTool() {
        this(Clock.systemUTC());
    }

    LoadTool(Clock clock) {
        super("load", "Closed-loop load of signed requests against a server on loopback; prints req/s and latency");
        this.clock = clock;
    }

    public static void main(String[] args) {
        System.exit(new LoadTool().runStandalone(args, System.out, System.err));
    }

    @Override
    public void configure(Subparser p) {
        p.addArgument("--endpoint").setDefault("http://127.0.0.1:8080").help("loopback http:// URL of the API port");
        p.addArgument("--connections").type(Integer.class).setDefault(16).help("concurrent connections (1-256)");
        p.addArgument("--duration").setDefault("20s").help("measured time per operation, e.g. 20s (≤ 10m)");
        p.addArgument("--warmup").setDefault("5s").help("unrecorded time before each operation (≤ 5m)");
        p.addArgument("--op").action(Arguments.append()).help(Operation.names() + "; repeatable or comma list");
        p.addArgument("--key-id").help("key id/ARN/alias; default: create one with CreateKey");
        p.addArgument("--key-spec").setDefault(LoadOptions.DEFAULT_KEY_SPEC)
                .help("spec of the SIGN_VERIFY key created for Sign without --key-id (RSA_2048, ECC_NIST_P256, ...)");
        p.addArgument("--access-key").help("access key id (else --profile)");
        p.addArgument("--secret-key").help("secret access key");
        p.addArgument("--session-token").help("session token for temporary credentials");
        p.addArgument("--profile").setDefault("kms-local").help("profile in --credentials-file");
        p.addArgument("--credentials-file").setDefault("data/credentials").help("AWS shared-credentials file");
        p.addArgument("--region").setDefault("us-east-1");
        p.addArgument("--plaintext-bytes").type(Integer.class).setDefault(64).help("Encrypt payload size (1-4096)");
        p.addArgument("--max-requests").type(Long.class).setDefault(LoadOptions.DEFAULT_MAX_REQUESTS)
                .help("cap on requests per operation, warm-up included");
        p.addArgument("--request-timeout").setDefault("30s").help("longest wait for one response");
    }

    @Override
    public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
        execute(options(namespace), System.out);
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
            cli.getStdErr().println("kms load: " + e.getMessage());
        } else {
            super.onError(cli, namespace, e);
        }
    }

    /** Runs every operation in turn and prints the report; returns the results. */
    List<LoadPhase.Result> execute(LoadOptions options, PrintStream out) throws InterruptedException {
        ObjectMapper json = new ObjectMapper();
        Fixture fixture = prepare(options, out, json);
        LoadReport.header(out, options, fixture.keyId() == null ? "" : ", key " + fixture.keyId());
        LoadPhase phase = new LoadPhase(options, clock, json);
        List<LoadPhase.Result> results = new ArrayList<>();
        for (Operation op : options.operations()) {
            out.printf("%s: warming up %s, measuring %s ...%n", op.wireName(), LoadReport.human(options.warmup()),
                    LoadReport.human(options.duration()));
            results.add(phase.run(op, RequestTemplate.of(op, fixture, json)));
        }
        LoadReport.table(out, results);
        return results;
    }

    /** Builds the options from parsed arguments; relative files are resolved against the working directory. */
    static LoadOptions options(Namespace ns) {
        return new LoadOptions(Endpoint.parse(ns.getString("endpoint")), ns.getInt("connections"),
                duration(ns.getString("duration"), "--duration"), duration(ns.getString("warmup"), "--warmup"),
                Operation.parseAll(ns.getList("op") == null ? List.of("Encrypt") : ns.<String>getList("op")),
                Optional.ofNullable(ns.getString("key_id")), credentials(ns), ns.getString("region"),
                ns.getInt("plaintext_bytes"), ns.getLong("max_requests"),
                duration(ns.getString("request_timeout"), "--request-timeout"), ns.getString("key_spec"));
    }

    private static Credentials credentials(Namespace ns) {
        String accessKey = ns.getString("access_key");
        if (accessKey != null) {
            if (ns.getString("secret_key") == null) {
                throw new IllegalArgumentException("--access-key needs --secret-key");
            }
            return new Credentials(accessKey, ns.getString("secret_key"),
                    Optional.ofNullable(ns.getString("session_token")));
        }
        return Credentials.fromProfile(Path.of(ns.getString("credentials_file")), ns.getString("profile"));
    }

    private static Duration duration(String text, String flag) {
        try {
            return Duration.ofNanos(io.dropwizard.util.Duration.parse(text).toNanoseconds());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(flag + " is not a duration (e.g. 20s, 500ms, 1m): " + text);
        }
    }

    private Fixture prepare(LoadOptions options, PrintStream out, ObjectMapper json) {
        byte[] payload = new byte[options.plaintextBytes()];
        new SecureRandom().nextBytes(payload);
        Fixture fixture = new Fixture(options.keyId().orElse(null), payload, null);
        if (!options.needsKey() && !options.needsSigningKey()) {
            return fixture;
        }
        try (SetupClient setup = new SetupClient(options, clock, json)) {
            if (options.needsKey()) {
                fixture = withKey(options, fixture, setup, out);
            }
            return options.needsSigningKey() ? fixture.withSigner(signer(options, setup, out)) : fixture;
        }
    }

    private static Fixture withKey(LoadOptions options, Fixture fixture, SetupClient setup, PrintStream out) {
        if (fixture.keyId() == null) {
            fixture = fixture.withKey(setup.createKey());
            out.println("created key " + fixture.keyId() + " for this run (pass --key-id to reuse a key)");
        }
        return options.needsCiphertext() ? fixture.withCiphertext(setup.encrypt(fixture.keyId(), fixture.plaintext()))
                : fixture;
    }

    /** Sign's key: {@code --key-id} if given, else a new key of {@code --key-spec}. */
    private static Fixture.Signer signer(LoadOptions options, SetupClient setup, PrintStream out) {
        if (options.keyId().isPresent()) {
            return setup.describeSigningKey(options.keyId().get());
        }
        Fixture.Signer signer = setup.createSigningKey(options.keySpec());
        out.println("created " + options.keySpec() + " signing key " + signer.keyId() + " for this run, signing with "
                + signer.algorithm());
        return signer;
    }

    /** Parses {@code [load] ARGS...} without a Dropwizard application; exit status 0, 1 (failed) or 2 (usage). */
    public int runStandalone(String[] args, PrintStream out, PrintStream err) {
        ArgumentParser parser = ArgumentParsers.newFor("kms").build();
        configure(parser.addSubparsers().addParser(getName()).help(getDescription()));
        List<String> argv = new ArrayList<>(List.of(args));
        if (argv.isEmpty() || !argv.get(0).equals(getName())) {
            argv.add(0, getName());
        }
        try {
            execute(options(parser.parseArgs(argv.toArray(String[]::new))), out);
            return 0;
        } catch (ArgumentParserException e) {
            parser.handleError(e, new java.io.PrintWriter(err, true));
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("kms load: " + e.getMessage());
            return 2;
        } catch (IllegalStateException e) {
            err.println("kms load: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
