package io.kmsd.api.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.core.Application;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.util.JarLocation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LoadToolTest {
    static final Credentials CREDS = new Credentials("AKIAFAKEKMS0000000001", "fake/secret+key");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private FakeKms kms;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        kms = new FakeKms(CREDS);
    }

    @AfterEach
    void stop() {
        kms.close();
    }

    private int run(String... args) {
        List<String> argv = new ArrayList<>(List.of("load", "--endpoint", kms.url(), "--duration", "200ms",
                "--warmup", "100ms", "--connections", "2"));
        argv.addAll(List.of(args));
        return new LoadTool(Clock.systemUTC()).runStandalone(argv.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void runsEachOperationInTurnWithValidSignatures() {
        assertThat(run("--op", "Ping,Encrypt", "--op", "Decrypt,GenerateDataKey", "--access-key", CREDS.accessKeyId(),
                "--secret-key", CREDS.secretAccessKey())).as(stderr()).isZero();
        assertThat(kms.badSignatures()).isZero();
        assertThat(kms.calls("CreateKey")).as("one key created for the run").isEqualTo(1);
        assertThat(kms.wrongCiphertexts()).as("Decrypt sends the ciphertext of the setup Encrypt").isZero();
        for (String op : List.of("Ping", "Encrypt", "Decrypt", "GenerateDataKey")) {
            assertThat(kms.calls(op)).as(op).isPositive();
            assertThat(stdout()).containsPattern("(?m)^" + op + " +\\d+ +0 +[\\d.]+ +[\\d.]+ +[\\d.]+ +[\\d.]+ +[\\d.]+$");
        }
        assertThat(stdout()).contains("created key " + FakeKms.KEY_ARN)
                .containsPattern("(?m)^summary: Ping \\d+ req/s p50 [\\d.]+ ms p99 [\\d.]+ ms 0 errors \\| Encrypt ");
    }

    @Test
    void signCreatesASigningKeyOfTheSpecAndSignsWithItsFirstAlgorithm() {
        assertThat(run("--op", "Sign", "--key-spec", "RSA_2048", "--access-key", CREDS.accessKeyId(),
                "--secret-key", CREDS.secretAccessKey())).as(stderr()).isZero();
        assertThat(kms.calls("CreateKey")).as("only the signing key").isEqualTo(1);
        assertThat(kms.calls("Sign")).isPositive();
        assertThat(stdout()).contains("created RSA_2048 signing key " + FakeKms.KEY_ARN)
                .containsPattern("(?m)^Sign +\\d+ +0 ");
    }

    @Test
    void signWithAKeyThatCannotSignStopsTheRun() {
        assertThat(run("--op", "Sign", "--key-id", "alias/x", "--access-key", CREDS.accessKeyId(),
                "--secret-key", CREDS.secretAccessKey())).isEqualTo(1);
        assertThat(stderr()).contains("DescribeKey failed: NotFoundException");
        assertThat(kms.calls("Sign")).isZero();
    }

    @Test
    void errorsAreCountedByTheirBareType() {
        assertThat(run("--op", "DescribeKey", "--key-id", "alias/x", "--access-key", CREDS.accessKeyId(),
                "--secret-key", CREDS.secretAccessKey())).isZero();
        long sent = kms.calls("DescribeKey");
        assertThat(sent).isPositive();
        assertThat(stdout()).containsPattern("errors DescribeKey: NotFoundException=\\d+\n")
                .doesNotContain("com.amazon.coral");
    }

    @Test
    void wrongSecretShowsAsInvalidSignatureErrors() {
        assertThat(run("--op", "Encrypt", "--key-id", "alias/x", "--access-key", CREDS.accessKeyId(),
                "--secret-key", "wrong")).isZero();
        assertThat(kms.badSignatures()).isEqualTo(kms.calls("Encrypt")).isPositive();
        assertThat(stdout()).contains("errors Encrypt: InvalidSignatureException=");
    }

    @Test
    void setupFailureStopsTheRunWithTheErrorType() {
        assertThat(run("--op", "Encrypt", "--access-key", CREDS.accessKeyId(), "--secret-key", "wrong")).isEqualTo(1);
        assertThat(stderr()).contains("CreateKey failed: InvalidSignatureException");
        assertThat(kms.calls("Encrypt")).isZero();
    }

    @Test
    void requestBudgetEndsTheRunBeforeTheDuration() {
        assertThat(run("--op", "Encrypt", "--key-id", "alias/x", "--duration", "10m", "--warmup", "0s",
                "--connections", "3", "--max-requests", "7", "--access-key", CREDS.accessKeyId(),
                "--secret-key", CREDS.secretAccessKey())).isZero();
        assertThat(kms.calls("Encrypt")).isEqualTo(7);
        assertThat(stdout()).containsPattern("(?m)^Encrypt +7 +0 ");
    }

    @Test
    void refusesNonLoopbackEndpointWithoutConnecting() {
        int code = new LoadTool().runStandalone(new String[] {"--endpoint", "http://192.0.2.1:8080", "--access-key",
                "a", "--secret-key", "b"}, new PrintStream(out), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(stderr()).contains("refusing non-loopback endpoint http://192.0.2.1:8080");
    }

    @Test
    void unknownFlagIsAUsageError() {
        assertThat(run("--ops", "Encrypt")).isEqualTo(2);
        assertThat(stderr()).contains("unrecognized arguments");
    }

    @Test
    void serverNotRunningIsReportedPlainly() throws Exception {
        String closedUrl;
        try (ScriptedServer s = new ScriptedServer()) {
            closedUrl = s.endpoint().toString();
        }
        int code = new LoadTool().runStandalone(new String[] {"--endpoint", closedUrl, "--access-key", "a",
                "--secret-key", "b"}, new PrintStream(out), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(1);
        assertThat(stderr()).contains("is the server running?");
    }

    @Test
    void credentialsComeFromTheProfileByDefault() throws Exception {
        Path file = Files.writeString(dir.resolve("credentials"), "[kms-local]\naws_access_key_id = "
                + CREDS.accessKeyId() + "\naws_secret_access_key = " + CREDS.secretAccessKey() + "\n");
        assertThat(run("--op", "Ping", "--credentials-file", file.toString())).as(stderr()).isZero();
        assertThat(kms.calls("Ping")).isPositive();
        assertThat(kms.badSignatures()).isZero();
        assertThat(run("--op", "Ping", "--credentials-file", file.toString(), "--profile", "other")).isEqualTo(2);
        assertThat(stderr()).contains("no profile [other]");
    }

    @Test
    void runsAsADropwizardCommand() throws Exception {
        Bootstrap<Configuration> bootstrap = new Bootstrap<>(new Application<>() {
            @Override
            public void run(Configuration configuration, Environment environment) {
            }
        });
        bootstrap.addCommand(new LoadTool());
        Cli cli = new Cli(new JarLocation(getClass()), bootstrap, out, err);
        Optional<Throwable> failure = cli.run("load", "--endpoint", "http://10.9.8.7:8080", "--access-key", "a",
                "--secret-key", "b");
        assertThat(failure).isPresent();
        assertThat(stderr()).contains("kms load: refusing non-loopback endpoint").doesNotContain("at io.kmsd");
        assertThat(cli.run("load", "--endpoint", kms.url(), "--op", "Ping", "--duration", "100ms", "--warmup", "0s",
                "--connections", "1", "--access-key", CREDS.accessKeyId(), "--secret-key", CREDS.secretAccessKey()))
                .isEmpty();
        assertThat(kms.calls("Ping")).isPositive();
    }
}
