package io.kmsd.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./kms explain} offline (flags, {@code --request}) and its usage errors: exact output and exit status
 * (0 allowed, 1 denied, 2 usage; 3, no answer from a server, in ExplainEndpointTest).
 */
class ExplainCommandTest {
    static final String KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    static final String ALICE = "arn:aws:iam::111122223333:user/alice";
    static final String BOB = "arn:aws:iam::111122223333:user/bob";
    static final String RDS = "rds.us-east-1.amazonaws.com";
    static final String POLICY = """
            {"Version":"2012-10-17","Statement":[
             {"Sid":"AllowAlice","Effect":"Allow","Principal":{"AWS":"%s"},"Action":"kms:Decrypt","Resource":"*"},
             {"Sid":"OnlyThroughRds","Effect":"Deny","Principal":"*","Action":"kms:Decrypt","Resource":"*",
              "Condition":{"StringNotEquals":{"kms:ViaService":"%s"}}}]}""".formatted(ALICE, RDS);
    /** The context lines every request of these tests has (V3 defaults), after the caller's. */
    static final String COMMON_CONTEXT = """
                aws:PrincipalIsAWSService = false
                aws:CurrentTime = 2025-06-01T12:00:00Z
                aws:EpochTime = 1748779200
                aws:SecureTransport = true
            """;
    static final String KEY_CONTEXT = """
                kms:CallerAccount = 111122223333
                kms:KeySpec = SYMMETRIC_DEFAULT
                kms:CustomerMasterKeySpec = SYMMETRIC_DEFAULT
                kms:KeyUsage = ENCRYPT_DECRYPT
                kms:CustomerMasterKeyUsage = ENCRYPT_DECRYPT
                kms:KeyOrigin = AWS_KMS
                kms:MultiRegion = false
                kms:EncryptionAlgorithm = SYMMETRIC_DEFAULT
            """;

    @TempDir
    Path dir;

    String policy() throws IOException {
        return Files.writeString(dir.resolve("policy.json"), POLICY).toString();
    }

    static String callerContext(String arn, String name) {
        return "    aws:PrincipalArn = " + arn + "\n    aws:PrincipalAccount = 111122223333\n"
                + "    aws:PrincipalType = User\n    aws:username = " + name + "\n";
    }

    @Test
    void explicitDenyShowsTheVerdictTheDenyingStatementTheAbsentKeyAndASuggestion() throws IOException {
        ExplainCli.Result r = ExplainCli.run("explain", "--key-policy", policy(), "--principal", ALICE, "--action",
                "kms:Decrypt", "--key-arn", KEY);
        assertThat(r.out()).isEqualTo("DENY (explicit) kms:Decrypt on key/1234abcd-12ab-34cd-56ef-1234567890ab by "
                + ALICE + "\n"
                + "  User: " + ALICE + " is not authorized to perform: kms:Decrypt on resource: " + KEY
                + " with an explicit deny in a resource-based policy\n"
                + "  deciding: keyPolicy#OnlyThroughRds (Deny)\n"
                + "  keyPolicy:\n"
                + "    [0] AllowAlice      Allow APPLIES\n"
                + "    [1] OnlyThroughRds  Deny  APPLIES  StringNotEquals kms:ViaService: key absent → true\n"
                + "  grants: none\n"
                + "  context:\n" + callerContext(ALICE, "alice") + COMMON_CONTEXT
                + "    aws:ViaAWSService = false\n" + KEY_CONTEXT
                + "  missing: kms:ViaService (keyPolicy#OnlyThroughRds)\n"
                + "  suggestion: call through one of [" + RDS + "], or narrow keyPolicy#OnlyThroughRds, which denies "
                + "requests without kms:ViaService\n"
                + "  note: Explicit deny overrides 1 applicable allow(s) (E6).\n"
                + "  note: keyPolicy#OnlyThroughRds: StringNotEquals kms:ViaService: key absent → true (decided by an "
                + "absent key).\n");
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isEqualTo(ExitStatus.FAILED);
    }

    @Test
    void implicitDenyShowsEachStatementsFirstFailureExpectedVersusActual() throws IOException {
        ExplainCli.Result r = ExplainCli.run("explain", "--key-policy", policy(), "--principal", BOB, "--action",
                "kms:Decrypt", "--key-arn", KEY, "--context", "kms:ViaService=" + RDS);
        assertThat(r.out()).isEqualTo("DENY (implicit) kms:Decrypt on key/1234abcd-12ab-34cd-56ef-1234567890ab by "
                + BOB + "\n"
                + "  User: " + BOB + " is not authorized to perform: kms:Decrypt on resource: " + KEY
                + " because no resource-based policy allows the kms:Decrypt action\n"
                + "  deciding: implicit\n"
                + "  keyPolicy:\n"
                + "    [0] AllowAlice      Allow NOT_APPLICABLE  Principal: expected one of [" + ALICE + "], got "
                + BOB + "\n"
                + "    [1] OnlyThroughRds  Deny  NOT_APPLICABLE  Condition: StringNotEquals kms:ViaService: '" + RDS
                + "' matches [" + RDS + "] → false\n"
                + "  grants: none\n"
                + "  context:\n" + callerContext(BOB, "bob") + COMMON_CONTEXT
                + "    aws:ViaAWSService = true\n    kms:ViaService = " + RDS + "\n" + KEY_CONTEXT
                + "  suggestion: add " + BOB + " to the Principal of keyPolicy#AllowAlice\n");
        assertThat(r.status()).isEqualTo(ExitStatus.FAILED);
    }

    @Test
    void allowedExitsZeroAndJsonNamesTheDecidingStatement() throws IOException {
        ExplainCli.Result r = ExplainCli.run("explain", "--key-policy", policy(), "--principal", ALICE, "--action",
                "kms:Decrypt", "--key-arn", KEY, "--context", "kms:ViaService=" + RDS, "--json");
        assertThat(r.status()).isEqualTo(ExitStatus.OK);
        JsonNode j = r.json();
        assertThat(j.path("decision").asText()).isEqualTo("ALLOW");
        assertThat(j.path("deciding").toString())
                .isEqualTo("[{\"source\":\"keyPolicy\",\"sid\":\"AllowAlice\",\"ref\":\"keyPolicy#AllowAlice\"}]");
        assertThat(j.path("policies").get(0).path("statements").get(1).path("result").asText())
                .isEqualTo("NOT_APPLICABLE");
    }

    @Test
    void aRequestFileIsDecidedAndItsExpectationIgnored() throws IOException {
        Path vector = Files.writeString(dir.resolve("v.json"), """
                {"id":"one","key":{"arn":"%s","policy":%s},
                 "caller":{"arn":"%s","type":"User","account":"111122223333","identityPolicies":[]},
                 "request":{"action":"kms:Decrypt","keyArn":"%s","viaService":"%s"},
                 "expect":{"decision":"DENY","deciding":["implicit"]}}""".formatted(KEY, POLICY, ALICE, KEY, RDS));
        ExplainCli.Result r = ExplainCli.run("explain", "--request", vector.toString(), "--json");
        assertThat(r.status()).isEqualTo(ExitStatus.OK);
        assertThat(r.deciding()).containsExactly("keyPolicy#AllowAlice");
    }

    @Test
    void guardrailsTurnAnAllowIntoADenyNamingThePolicy() throws IOException {
        Path rails = Files.createDirectories(dir.resolve("rails"));
        Files.writeString(rails.resolve("r.cedar"), """
                @id("no-decrypt")
                forbid (principal, action == Kms::Action::"Decrypt", resource);
                """);
        ExplainCli.Result r = ExplainCli.run("explain", "--key-policy", policy(), "--principal", ALICE, "--action",
                "kms:Decrypt", "--key-arn", KEY, "--context", "kms:ViaService=" + RDS, "--guardrails",
                rails.toString());
        assertThat(r.status()).isEqualTo(ExitStatus.FAILED);
        assertThat(r.out()).startsWith("DENY (guardrail) kms:Decrypt").contains("\n  deciding: guardrail:no-decrypt\n")
                .contains("with an explicit deny in a guardrail policy: no-decrypt\n")
                .contains("\n  guardrail no-decrypt FORBIDS  r.cedar:1\n");
    }

    @Test
    void aMissingFlagIsAUsageErrorNamingIt() {
        ExplainCli.Result r = ExplainCli.run("explain", "--principal", ALICE, "--action", "kms:Decrypt", "--key-arn",
                KEY);
        assertThat(r.err()).isEqualTo("kms explain: --key-policy is required (or give --request FILE)\n");
        assertThat(r.out()).isEmpty();
        assertThat(r.status()).isEqualTo(ExitStatus.USAGE);
    }

    @Test
    void twoSourcesAreAUsageError() {
        ExplainCli.Result r = ExplainCli.run("explain", "--request", "v.json", "--endpoint", "http://127.0.0.1:1");
        assertThat(r.err()).isEqualTo("kms explain: --request and --endpoint cannot be combined; give one source\n");
        assertThat(r.status()).isEqualTo(ExitStatus.USAGE);
    }

    @Test
    void policyFilesDoNotMixWithALiveServer() throws IOException {
        ExplainCli.Result r = ExplainCli.run("explain", "--endpoint", "http://127.0.0.1:1", "--key-policy", policy());
        assertThat(r.err()).isEqualTo("kms explain: --key-policy cannot be combined with --endpoint\n");
        assertThat(r.status()).isEqualTo(ExitStatus.USAGE);
    }

    @Test
    void aMissingFileIsAUsageError() {
        ExplainCli.Result r = ExplainCli.run("explain", "--key-policy", dir.resolve("nope.json").toString(),
                "--principal", ALICE, "--action", "kms:Decrypt", "--key-arn", KEY);
        assertThat(r.err()).isEqualTo("kms explain: no such file: " + dir.resolve("nope.json") + "\n");
        assertThat(r.status()).isEqualTo(ExitStatus.USAGE);
    }

    @Test
    void anInvalidKeyPolicyIsAUsageErrorSayingWhy() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"Version\":\"2012-10-17\",\"Statement\":[]}");
        ExplainCli.Result r = ExplainCli.run("explain", "--key-policy", bad.toString(), "--principal", ALICE,
                "--action", "kms:Decrypt", "--key-arn", KEY);
        assertThat(r.err()).startsWith("kms explain: ").isNotEqualTo("kms explain: null\n");
        assertThat(r.status()).isEqualTo(ExitStatus.USAGE);
    }

    @Test
    void anUnknownAuditEventIsAUsageError() {
        ExplainCli.Result r = ExplainCli.run("explain", "--audit-event", "nope", "--audit-dir", dir.toString());
        assertThat(r.err()).isEqualTo("kms explain: no audit event nope in " + dir + "\n");
        assertThat(r.status()).isEqualTo(ExitStatus.USAGE);
    }

    @Test
    void anUnknownFlagIsAUsageError() {
        assertThat(ExplainCli.run("explain", "--bogus").status()).isEqualTo(ExitStatus.USAGE);
    }

    @Test
    void contextKeysTheServerDerivesCannotBeGivenToIt() {
        ExplainCli.Result r = ExplainCli.run("explain", "--endpoint", "http://127.0.0.1:1", "--key-arn", KEY,
                "--action", "kms:Encrypt", "--access-key", "AKIAEXAMPLE", "--secret-key", "s", "--context",
                "aws:SourceIp=10.0.0.1");
        assertThat(r.err()).isEqualTo("kms explain: --context aws:SourceIp cannot be given with --endpoint: the "
                + "server derives it from the request (kms:EncryptionContext:KEY and kms:EncryptionAlgorithm can be "
                + "given)\n");
        assertThat(r.status()).isEqualTo(ExitStatus.USAGE);
    }

    @Test
    void anUnreachableServerIsNoAnswer() {
        ExplainCli.Result r = ExplainCli.run("explain", "--endpoint", "http://127.0.0.1:1", "--key-arn", KEY,
                "--action", "kms:Encrypt", "--access-key", "AKIAEXAMPLE", "--secret-key", "s");
        assertThat(r.err()).startsWith("kms explain: http://127.0.0.1:1 cannot be reached: ");
        assertThat(r.status()).isEqualTo(ExplainCommand.NO_ANSWER);
    }
}
