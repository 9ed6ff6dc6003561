package io.kmsd.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.util.JarLocation;
import io.kmsd.api.KmsApplication;
import io.kmsd.api.KmsConfiguration;
import io.kmsd.policy.document.PolicyParser;
import io.kmsd.policy.template.KeyType;
import io.kmsd.policy.template.PolicyTemplate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./kms policy template} and {@code ./kms policy test} through Dropwizard's own {@link Cli}, checked by
 * their exact output and exit status; and the status of the real process ({@code KmsApplication.main}).
 */
class PolicyCommandsTest {
    static final String KEY = "arn:aws:kms:us-east-1:111122223333:key/0b6f3a1e-5c2d-4e8f-9a71-2d3c4b5a6f70";
    static final String ROOT_ALLOWED = """
            {"format": "kms-policy-decision-vectors/1", "set": "cli", "vectors": [{
              "id": "T-1", "title": "the root user is allowed by the default policy", "rules": ["E9"],
              "key": {"arn": "%s", "policy": {"Version": "2012-10-17", "Statement": [{"Sid": "Root",
                "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*",
                "Resource": "*"}]}},
              "caller": {"arn": "arn:aws:iam::111122223333:root", "type": "Root", "account": "111122223333",
                "identityPolicies": []},
              "request": {"action": "kms:Decrypt", "keyArn": "%s"},
              "expect": {"decision": "%s", "deciding": [%s]}}]}
            """;

    @TempDir
    Path dir;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        Bootstrap<KmsConfiguration> bootstrap = new Bootstrap<>(new KmsApplication());
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        bootstrap.addCommand(KmsCommands.policy(o, e));
        Cli cli = new Cli(new JarLocation(KmsApplication.class), bootstrap, o, e);
        return ExitStatus.of(cli.run(args));
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    Path vectors(String name, boolean passing) throws IOException {
        return Files.writeString(dir.resolve(name), ROOT_ALLOWED.formatted(KEY, KEY, passing ? "ALLOW" : "DENY",
                passing ? "\"keyPolicy#Root\"" : "\"implicit\""));
    }

    @Test
    void templatePrintsTheConsolePolicyForAdminsAndUsers() { // key-policy-semantics D2
        int status = run("policy", "template", "--account", "111122223333", "--admin",
                "arn:aws:iam::111122223333:role/KeyAdmin", "--user", "arn:aws:iam::111122223333:user/app",
                "444455556666", "--key-type", "symmetric");
        assertThat(status).isZero();
        assertThat(out()).isEqualTo(PolicyTemplate.render("111122223333", List.of("arn:aws:iam::111122223333:role/"
                + "KeyAdmin"), List.of("arn:aws:iam::111122223333:user/app", "444455556666"), KeyType.SYMMETRIC)
                + System.lineSeparator());
        assertThat(out()).contains("\"Sid\" : \"Allow access for Key Administrators\"", "\"Sid\" : \"Allow use of "
                + "the key\"", "\"Sid\" : \"Allow attachment of persistent resources\"");
        assertThat(PolicyParser.parseKeyPolicy(out(), null).statements()).hasSize(4);
    }

    @Test
    void templateOptionsShapeThePolicy() {
        assertThat(run("policy", "template", "--account", "111122223333", "--admins", "arn:aws:iam::111122223333:"
                + "role/A", "--users", "arn:aws:iam::111122223333:role/U", "--key-type", "sign-verify",
                "--no-root-statement", "--no-deletion")).isZero();
        assertThat(out()).doesNotContain("Enable IAM User Permissions", "kms:ScheduleKeyDeletion",
                "Allow attachment of persistent resources").contains("kms:Sign", "kms:Verify");
    }

    @Test
    void templateRefusesABadAccountOrPrincipalWithStatusTwo() {
        assertThat(run("policy", "template", "--account", "1234")).isEqualTo(2);
        assertThat(err()).isEqualTo("kms policy template: --account must be a 12-digit account id, not '1234'"
                + System.lineSeparator());
        assertThat(out()).isEmpty();
        assertThat(run("policy", "template", "--account", "111122223333", "--admin", "role/ops-*")).isEqualTo(2);
        assertThat(err()).contains("the policy would not be accepted: InvalidPrincipal");
    }

    @Test
    void missingOrUnknownArgumentsAreAUsageError() {
        assertThat(run("policy", "template")).isEqualTo(2);
        assertThat(err()).contains("argument --account is required");
        assertThat(run("policy", "frobnicate")).isEqualTo(2);
        assertThat(run("policy", "test")).isEqualTo(2);
    }

    @Test
    void testPrintsEveryCaseAndTheCountsAndPassesWithStatusZero() throws IOException {
        Path file = vectors("pass.json", true);
        assertThat(run("policy", "test", file.toString())).isZero();
        assertThat(out()).contains("PASS T-1").endsWith("1 passed, 0 failed" + System.lineSeparator());
    }

    @Test
    void aFailedCaseEndsWithStatusOneAndItsExplanation() throws IOException {
        Path good = vectors("pass.json", true);
        Path bad = vectors("fail.json", false);
        assertThat(run("policy", "test", good.toString(), bad.toString())).isEqualTo(1);
        assertThat(out()).contains("FAIL T-1", "expected DENY [implicit], got ALLOW [keyPolicy#Root]")
                .endsWith("1 passed, 1 failed" + System.lineSeparator());
    }

    @Test
    void aFolderRunsEveryFileBelowIt() throws IOException {
        vectors("a.json", true);
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/b.json"), Files.readString(dir.resolve("a.json")));
        assertThat(run("policy", "test", dir.toString())).isZero();
        assertThat(out()).endsWith("2 passed, 0 failed" + System.lineSeparator());
    }

    @Test
    void theProcessExitStatusIsTheCommands() throws Exception { // DESIGN "CLI": exit 1 if any failed
        Path good = vectors("pass.json", true);
        Path bad = vectors("fail.json", false);
        assertThat(process("policy", "test", good.toString())).isZero();
        assertThat(process("policy", "test", bad.toString())).isEqualTo(1);
        assertThat(process("policy", "template", "--account", "x")).isEqualTo(2);
        assertThat(process("policy", "no-such-subcommand")).isEqualTo(2);
    }

    private int process(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
                "java").toString(), "-cp", classPath(), KmsApplication.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("process.log").toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the command ends").isTrue();
        return p.exitValue();
    }

    /** Surefire's real test class path (its booter jar only has a manifest), else this JVM's. */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
