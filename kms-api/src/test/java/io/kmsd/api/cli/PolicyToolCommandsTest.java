package io.kmsd.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.util.JarLocation;
import io.kmsd.api.KmsApplication;
import io.kmsd.api.KmsConfiguration;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./kms policy validate|lint|diff|export} and {@code test --junit-xml}: exact output and exit status. */
class PolicyToolCommandsTest {
    static final Path POLICIES = Path.of("..", "policies");
    static final String ROOT_ONLY = """
            {"Version":"2012-10-17","Statement":[{"Sid":"Root","Effect":"Allow",
             "Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*"}]}""";

    @TempDir
    Path dir;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        Bootstrap<KmsConfiguration> bootstrap = new Bootstrap<>(new KmsApplication());
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        bootstrap.addCommand(KmsCommands.policy(o, e));
        return ExitStatus.of(new Cli(new JarLocation(KmsApplication.class), bootstrap, o, e).run(args));
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void lintOfTheBrokenExamplePrintsExactlyItsExpectedFindingsAndFails() throws IOException {
        Path broken = POLICIES.resolve("broken");
        int status = run("policy", "lint", broken.resolve("policy.json").toString());
        String expected = Files.readString(broken.resolve("expected-lint.txt"))
                .replace("policies/broken/policy.json", broken.resolve("policy.json").toString());
        assertThat(out()).isEqualTo(expected);
        assertThat(status).isEqualTo(ExitStatus.FAILED);
    }

    @Test
    void lintOfACleanPolicySucceeds() throws IOException {
        assertThat(run("policy", "lint", file("p.json", ROOT_ONLY).toString())).isEqualTo(ExitStatus.OK);
        assertThat(out()).endsWith(": no findings\n");
    }

    @Test
    void validateNamesEveryGrammarErrorByJsonPointerAndFails() throws IOException {
        Path bad = file("bad.json", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Alow","Principal":"*","Action":"kms:*",
                 "Resource":"*"},{"Effect":"Allow","Action":"kms:*","Resource":"*"}]}""");
        assertThat(run("policy", "validate", bad.toString())).isEqualTo(ExitStatus.FAILED);
        assertThat(out()).isEqualTo(bad + ": 2 errors\n"
                + "  /Statement/0/Effect  InvalidEffect: statement [0], Effect: Effect must be \"Allow\" or \"Deny\","
                + " not \"Alow\"\n"
                + "  /Statement/1  InvalidPrincipal: statement [1], Principal: a key policy statement needs Principal"
                + " or NotPrincipal\n");
    }

    @Test
    void validateAcceptsAValidPolicy() throws IOException {
        assertThat(run("policy", "validate", file("p.json", ROOT_ONLY).toString())).isEqualTo(ExitStatus.OK);
    }

    @Test
    void diffFailsWhenTheNewPolicyAllowsMoreAndPassesWhenItDoesNot() throws IOException {
        Path old = file("old.json", ROOT_ONLY);
        Path wider = POLICIES.resolve("admins-and-users").resolve("policy.json");
        assertThat(run("policy", "diff", old.toString(), wider.toString())).isEqualTo(ExitStatus.FAILED);
        assertThat(out()).contains("newly allowed (").contains("kms:ScheduleKeyDeletion").contains("newly denied: none");
        out.reset();
        assertThat(run("policy", "diff", wider.toString(), old.toString())).isEqualTo(ExitStatus.OK);
        assertThat(out()).contains("newly allowed: none");
    }

    @Test
    void exportWritesCedarAndReportsWhatItTranslated() throws IOException {
        Path cedar = dir.resolve("out.cedar");
        Path policy = POLICIES.resolve("admins-and-users").resolve("policy.json");
        assertThat(run("policy", "export", "--cedar", cedar.toString(), policy.toString())).isEqualTo(ExitStatus.OK);
        assertThat(out()).isEqualTo(policy + ": 4 statements translated\n");
        assertThat(Files.readString(cedar)).contains("permit").contains("Kms::Action");
    }

    @Test
    void exportWithoutAnOutputFileIsAUsageError() {
        assertThat(run("policy", "export", "x.json")).isEqualTo(ExitStatus.USAGE);
    }

    @Test
    void testWritesJUnitXmlForCiSystems() throws IOException {
        Path xml = dir.resolve("junit.xml");
        int status = run("policy", "test", "--junit-xml", xml.toString(), POLICIES.resolve("api-default").toString());
        assertThat(status).isEqualTo(ExitStatus.OK);
        assertThat(out()).containsPattern("\\d+ passed, 0 failed");
        assertThat(Files.readString(xml)).contains("<testsuite").contains("failures=\"0\"");
    }
}
