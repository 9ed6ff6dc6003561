package io.kmsd.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./kms policy lint FILE --with-identity IDENTITY...} (D4, E7b): exact output and exit status. */
class PolicyLintWithIdentityTest {
    static final String KEY_POLICY = """
            {"Version":"2012-10-17","Statement":[{"Sid":"Enable IAM User Permissions","Effect":"Allow",
             "Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*"},
             {"Sid":"Use","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/alice"},
             "Action":["kms:Encrypt","kms:Decrypt"],"Resource":"*"}]}""";
    static final String IDENTITIES = """
            accounts:
              - id: "111122223333"
                users:
                  - name: alice
                    accessKeys: [{id: AKIAALICE0000000001, secret: alice-secret}]
                    policies:
                      - {Version: "2012-10-17", Statement: [{Sid: Admin, Effect: Allow, Action: "kms:ScheduleKeyDeletion", Resource: "*"}]}
                  - name: bob
                    accessKeys: [{id: AKIABOB000000000001, secret: bob-secret}]
                    policies:
                      - {Version: "2012-10-17", Statement: [{Effect: Allow, Action: "kms:*", Resource: "*"},
                          {Effect: Deny, Action: "kms:Decrypt", Resource: "*"}]}
            """;
    static final String ALICE_FINDING = "  ERROR   SOD-001    keyPolicy#Enable IAM User Permissions  /Statement/0\n"
            + "          arn:aws:iam::111122223333:user/alice holds administrative actions (ScheduleKeyDeletion) and"
            + " usage actions (Decrypt, Encrypt) through keyPolicy#Enable IAM User Permissions, keyPolicy#Use, %s"
            + " (the key policy with its identity policies, E7)\n"
            + "          fix: give administrators and users separate principals, or narrow the identity policies or"
            + " what the key policy delegates to the account\n";

    @TempDir
    Path dir;
    final PolicyToolCommandsTest cli = new PolicyToolCommandsTest();

    @BeforeEach
    void useTheTempDir() {
        cli.dir = dir;
    }

    @Test
    void d4TheIdentitiesFileAddsAliceAdministrationToHerKeyPolicyUse() throws IOException {
        Path policy = cli.file("policy.json", KEY_POLICY);
        Path identities = cli.file("identities.yml", IDENTITIES);
        assertThat(cli.run("policy", "lint", policy.toString(), "--with-identity", identities.toString()))
                .isEqualTo(ExitStatus.FAILED);
        // bob holds every action but its Decrypt is denied (E6): usage remains (Encrypt, ...), so bob is reported
        // too; alice is reported with her identity policy as the server names it (alice-1).
        assertThat(cli.out()).startsWith(policy + ": 2 errors\n" + ALICE_FINDING.formatted("identity:alice-1#Admin"))
                .contains("arn:aws:iam::111122223333:user/bob holds administrative actions (CancelKeyDeletion,"
                        + " CreateAlias, CreateGrant, DeleteAlias and 19 more) and usage actions (DeriveSharedSecret,"
                        + " Encrypt, GenerateDataKey, GenerateDataKeyPair and 8 more) through keyPolicy#Enable IAM"
                        + " User Permissions, identity:bob-1#[0] (the key policy with its identity policies, E7)\n");
    }

    @Test
    void d4OnePolicyFileForOneArn() throws IOException {
        Path policy = cli.file("policy.json", KEY_POLICY);
        Path admin = cli.file("alice-admin.json", """
                {"Version":"2012-10-17","Statement":[{"Sid":"Admin","Effect":"Allow",
                 "Action":"kms:ScheduleKeyDeletion","Resource":"*"}]}""");
        assertThat(cli.run("policy", "lint", policy.toString(), "--with-identity",
                "arn:aws:iam::111122223333:user/alice=" + admin)).isEqualTo(ExitStatus.FAILED);
        assertThat(cli.out()).isEqualTo(policy + ": 1 error\n" + ALICE_FINDING.formatted("identity:alice-admin#Admin"));
    }

    @Test
    void withoutWithIdentityTheSamePolicyIsClean() throws IOException {
        Path policy = cli.file("policy.json", KEY_POLICY);
        assertThat(cli.run("policy", "lint", policy.toString())).isEqualTo(ExitStatus.OK);
        assertThat(cli.out()).isEqualTo(policy + ": no findings\n");
    }

    @Test
    void anUnreadableIdentityIsAUsageError() throws IOException {
        Path policy = cli.file("policy.json", KEY_POLICY);
        assertThat(cli.run("policy", "lint", policy.toString(), "--with-identity",
                "arn:aws:iam::111122223333:user/alice=" + dir.resolve("missing.json"))).isEqualTo(ExitStatus.USAGE);
        assertThat(cli.err.toString(StandardCharsets.UTF_8)).contains("kms policy lint: identity policy file "
                + dir.resolve("missing.json") + " does not exist");
        assertThat(cli.run("policy", "lint", policy.toString(), "--identity", "--with-identity",
                cli.file("identities.yml", IDENTITIES).toString())).isEqualTo(ExitStatus.USAGE);
        assertThat(cli.err.toString(StandardCharsets.UTF_8)).contains("--with-identity needs a key policy");
        assertThat(cli.out()).isEmpty();
    }
}
