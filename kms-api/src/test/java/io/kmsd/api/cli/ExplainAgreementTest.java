package io.kmsd.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.kmsd.api.KmsConfiguration;
import io.kmsd.api.TestIdentities;
import io.kmsd.api.TestServer;
import io.kmsd.audit.AuditEvent;
import io.kmsd.audit.Decision;
import io.kmsd.audit.query.AuditQuery;
import io.kmsd.audit.query.AuditSearch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.GrantOperation;
import software.amazon.awssdk.services.kms.model.KmsException;

/**
 * The acceptance test of {@code ./kms explain} (issue 6): requests against a running server (with a Cedar guardrail),
 * then each explained three ways — from its audit event, from flags (offline, the same policies as files) and from
 * the live server ({@code --endpoint}) — and the three agree with what the server did: decision, exit status and
 * deciding references. Allowed and denied (explicit, implicit), a grant, cross-account, a guardrail. Then the
 * rules of the ExplainAccess operation behind {@code --endpoint}: who may ask about whom, and that it is audited.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ExplainAgreementTest {
    static final String A = TestIdentities.ACCOUNT_A;
    static final String KUSER = "arn:aws:iam::" + A + ":user/kuser";
    static final String GINA = "arn:aws:iam::" + A + ":user/gina";
    static final String CAROL = "arn:aws:iam::" + TestIdentities.ACCOUNT_B + ":user/carol";
    static final String POLICY = """
            {"Version":"2012-10-17","Statement":[
             {"Sid":"Root","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%1$s:root"},"Action":"kms:*","Resource":"*"},
             {"Sid":"AllowKuserEncrypt","Effect":"Allow","Principal":{"AWS":"%2$s"},
              "Action":["kms:Encrypt","kms:DescribeKey"],"Resource":"*"},
             {"Sid":"DenyKuserDecrypt","Effect":"Deny","Principal":{"AWS":"%2$s"},"Action":"kms:Decrypt","Resource":"*"},
             {"Sid":"CrossAccount","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%3$s:root"},
              "Action":["kms:Encrypt","kms:DescribeKey"],"Resource":"*"}]}""".formatted(A, KUSER,
            TestIdentities.ACCOUNT_B);
    /** carol's identity policy in {@link TestIdentities}, named as the server names it (E20 {@code identity:carol-1}). */
    static final String CAROL_POLICY = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "kms:*", "Resource": "*"}]}""";
    static final String GUARDRAIL = """
            // Nothing is encrypted under a context marked frozen, whatever the key policy says.
            @id("no-frozen-context")
            forbid (principal, action == Kms::Action::"Encrypt", resource)
            when { context.request.hasTag("kms:encryptioncontext:frozen") };
            """;

    static final Path FILES = tempDir();
    static final Path GUARDRAILS = write(FILES.resolve("guardrails/frozen.cedar"), GUARDRAIL).getParent();
    static final DropwizardAppExtension<KmsConfiguration> APP = TestServer.app(
            ConfigOverride.config("kms.policy.guardrails", GUARDRAILS.toString()));

    static KmsClient alice;
    static String keyArn;
    static SdkBytes ciphertext;
    static String grantId;

    @BeforeAll
    static void keyWithPolicyAndGrant() {
        alice = TestServer.client(APP, TestServer.alice());
        keyArn = alice.createKey(r -> r.policy(POLICY)).keyMetadata().arn();
        ciphertext = alice.encrypt(r -> r.keyId(keyArn).plaintext(SdkBytes.fromUtf8String("hi"))).ciphertextBlob();
        grantId = alice.createGrant(r -> r.keyId(keyArn).granteePrincipal(GINA).operations(GrantOperation.ENCRYPT))
                .grantId();
        write(FILES.resolve("policy.json"), POLICY);
        write(FILES.resolve("carol-1.json"), CAROL_POLICY);
        write(FILES.resolve("grants.json"), """
                [{"grantId":"%s","granteePrincipal":"%s","operations":["Encrypt"]}]""".formatted(grantId, GINA));
        write(FILES.resolve("credentials"), profile("alice", TestIdentities.ALICE_KEY, TestIdentities.ALICE_SECRET)
                + profile("kuser", TestIdentities.keyOf("kuser"), TestIdentities.secretOf("kuser"))
                + profile("gina", TestIdentities.keyOf("gina"), TestIdentities.secretOf("gina"))
                + profile("carol", TestIdentities.keyOf("carol"), TestIdentities.secretOf("carol")));
    }

    @Test
    void allowedByTheKeyPolicy() {
        String id = attempt("ALLOW", () -> kms("kuser").encrypt(r -> r.keyId(keyArn).plaintext(bytes())));
        agree(id, "ALLOW", List.of("keyPolicy#AllowKuserEncrypt"), KUSER, "kms:Encrypt", "alice");
    }

    @Test
    void explicitlyDeniedByTheKeyPolicy() {
        String id = attempt("DENY", () -> kms("kuser").decrypt(r -> r.ciphertextBlob(ciphertext)));
        agree(id, "DENY", List.of("keyPolicy#DenyKuserDecrypt"), KUSER, "kms:Decrypt", "alice");
    }

    @Test
    void allowedByAGrant() {
        String id = attempt("ALLOW", () -> kms("gina").encrypt(r -> r.keyId(keyArn).plaintext(bytes())));
        agree(id, "ALLOW", List.of("grant:" + grantId), GINA, "kms:Encrypt", "alice", "--grants", file("grants.json"));
    }

    @Test
    void implicitlyDeniedOutsideTheGrant() {
        String id = attempt("DENY", () -> kms("gina").decrypt(r -> r.ciphertextBlob(ciphertext)));
        agree(id, "DENY", List.of("implicit"), GINA, "kms:Decrypt", "alice", "--grants", file("grants.json"));
    }

    @Test
    void crossAccountAllowedWhenBothSidesAllow() {
        String id = attempt("ALLOW", () -> kms("carol").encrypt(r -> r.keyId(keyArn).plaintext(bytes())));
        agree(id, "ALLOW", List.of("keyPolicy#CrossAccount", "identity:carol-1#[0]"), CAROL, "kms:Encrypt", "carol",
                "--identity-policy", file("carol-1.json"));
    }

    @Test
    void crossAccountDeniedWhenTheKeyPolicyDoesNotAllow() {
        String id = attempt("DENY", () -> kms("carol").decrypt(r -> r.keyId(keyArn).ciphertextBlob(ciphertext)));
        agree(id, "DENY", List.of("implicit"), CAROL, "kms:Decrypt", "carol", "--identity-policy",
                file("carol-1.json"));
    }

    @Test
    void guardrailDeniesWhatTheKeyPolicyAllowsAndTheAuditNamesIt() {
        KmsException e = denied(() -> kms("kuser").encrypt(r -> r.keyId(keyArn).plaintext(bytes())
                .encryptionContext(java.util.Map.of("frozen", "yes"))));
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: " + KUSER + " is not authorized to perform: "
                + "kms:Encrypt on resource: " + keyArn + " with an explicit deny in a guardrail policy: no-frozen-context");
        AuditEvent event = event(e.requestId());
        assertThat(event.decision().outcome()).isEqualTo(Decision.Outcome.EXPLICIT_DENY);
        assertThat(event.decision().deciding()).containsExactly(new Decision.Ref("guardrail", "no-frozen-context"));
        agree(e.requestId(), "DENY", List.of("guardrail:no-frozen-context"), KUSER, "kms:Encrypt", "alice",
                "--context", "kms:EncryptionContext:frozen=yes");
    }

    // ExplainAccess: who may ask about whom (ExplainAccessHandler), and its audit record.

    @Test
    void anyoneWhoMayDescribeTheKeyMayExplainThemselves() {
        ExplainCli.Result r = ExplainCli.run("explain", "--endpoint", TestServer.endpoint(APP), "--credentials-file",
                file("credentials"), "--profile", "kuser", "--action", "kms:Encrypt", "--key-arn", keyArn);
        assertThat(r.status()).isEqualTo(ExitStatus.OK);
        assertThat(r.out()).startsWith("ALLOW kms:Encrypt on " + keyArn.substring(keyArn.indexOf("key/")) + " by "
                + KUSER + "\n  User: " + KUSER + " is authorized to perform: kms:Encrypt on resource: " + keyArn
                + " by keyPolicy#AllowKuserEncrypt\n  deciding: keyPolicy#AllowKuserEncrypt (Allow)\n  keyPolicy:\n"
                + "    [0] Root               Allow APPLIES\n    [1] AllowKuserEncrypt  Allow APPLIES\n")
                .contains("\n  guardrail no-frozen-context SILENT\n").contains("\n    aws:SourceIp = 127.0.0.1\n");
        assertThat(explainEvent(KUSER, null).decision().outcome()).isEqualTo(Decision.Outcome.ALLOW);
    }

    @Test
    void explainingAnotherPrincipalNeedsGetKeyPolicyAndTheRefusalIsAudited() {
        ExplainCli.Result r = explainAs("kuser", GINA);
        assertThat(r.err()).isEqualTo("kms explain: " + TestServer.endpoint(APP) + " refused ExplainAccess: "
                + "AccessDeniedException: User: " + KUSER + " is not authorized to perform: kms:GetKeyPolicy on "
                + "resource: " + keyArn + " because no identity-based policy allows the kms:GetKeyPolicy action\n");
        assertThat(r.status()).isEqualTo(ExplainCommand.NO_ANSWER);
        AuditEvent e = explainEvent(KUSER, "AccessDeniedException");
        assertThat(e.decision().outcome()).isEqualTo(Decision.Outcome.IMPLICIT_DENY);
        assertThat(e.resources()).extracting(res -> res.arn()).containsExactly(keyArn);
    }

    @Test
    void aPrincipalOfAnotherAccountCannotBeExplainedByTheKeysAccount() {
        ExplainCli.Result r = explainAs("alice", CAROL);
        assertThat(r.err()).endsWith("AccessDeniedException: User: arn:aws:iam::" + A + ":user/payments/alice is not "
                + "authorized to perform: kms:ExplainAccess for " + CAROL + " because it belongs to another account; "
                + "a principal can be explained only by its own account\n");
        assertThat(r.status()).isEqualTo(ExplainCommand.NO_ANSWER);
        assertThat(explainEvent("arn:aws:iam::" + A + ":user/payments/alice", "AccessDeniedException").decision()
                .reason()).isEqualTo("ExplainAccess: other account");
    }

    @Test
    void anUnknownPrincipalIsNotFound() {
        ExplainCli.Result r = explainAs("alice", "arn:aws:iam::" + A + ":user/nobody");
        assertThat(r.err()).endsWith("refused ExplainAccess: NotFoundException: Principal arn:aws:iam::" + A
                + ":user/nobody is not known to this server.\n");
        assertThat(r.status()).isEqualTo(ExplainCommand.NO_ANSWER);
    }

    /** The principal is looked up only after the caller is authorized: no probing which principals exist. */
    @Test
    void anUnauthorizedCallerCannotProbeWhichPrincipalsExist() {
        ExplainCli.Result r = explainAs("kuser", "arn:aws:iam::" + A + ":user/nobody");
        assertThat(r.err()).contains("AccessDeniedException: User: " + KUSER + " is not authorized to perform: "
                + "kms:GetKeyPolicy").doesNotContain("nobody");
        assertThat(r.status()).isEqualTo(ExplainCommand.NO_ANSWER);
    }

    @Test
    void aWronglySignedExplainIsRefused() {
        ExplainCli.Result r = ExplainCli.run("explain", "--endpoint", TestServer.endpoint(APP), "--access-key",
                TestIdentities.ALICE_KEY, "--secret-key", "wrong", "--action", "kms:Encrypt", "--key-arn", keyArn);
        assertThat(r.err()).contains("refused ExplainAccess: ").contains("Signature");
        assertThat(r.status()).isEqualTo(ExplainCommand.NO_ANSWER);
    }

    @Test
    void theAuditEventIsExplainedInWords() {
        String id = attempt("DENY", () -> kms("kuser").decrypt(r -> r.ciphertextBlob(ciphertext)));
        AuditEvent e = event(id);
        ExplainCli.Result r = ExplainCli.run("explain", "--audit-event", e.eventID(), "--audit-dir", dataDir());
        assertThat(r.out()).isEqualTo("DENY (explicit) kms:Decrypt on " + keyArn.substring(keyArn.indexOf("key/"))
                + " by " + KUSER + "\n"
                + "  AccessDeniedException: The ciphertext refers to a customer master key that does not exist, does "
                + "not exist in this region, or you are not allowed to access.\n" // AWS's words for Decrypt (§1.3)
                + "  deciding: keyPolicy#DenyKuserDecrypt\n"
                + "  reason: " + e.decision().reason() + "\n"
                + "  recorded: event " + e.eventID() + " at " + e.eventTime() + ", request " + id + "\n"
                + "  note: the audit trail keeps the decision, not the policies of that moment; for every statement's "
                + "result run ./kms explain --endpoint (live policies) or with --key-policy (offline)\n");
        assertThat(r.status()).isEqualTo(ExitStatus.FAILED);
    }

    @Test
    void aRequestThatFailedBeforeAuthorizationWasNeverDecided() {
        String missing = keyArn.substring(0, keyArn.indexOf("key/")) + "key/00000000-0000-0000-0000-000000000000";
        String id;
        try {
            alice.describeKey(r -> r.keyId(missing));
            throw new AssertionError("a missing key was described");
        } catch (KmsException e) {
            id = e.requestId();
        }
        ExplainCli.Result r = ExplainCli.run("explain", "--audit-event", id, "--audit-dir", dataDir(), "--json");
        assertThat(r.decision()).isEqualTo("NOT_EVALUATED");
        assertThat(r.deciding()).isEmpty();
        assertThat(r.json().path("verdict").asText()).startsWith("NotFoundException: Key '");
        assertThat(r.status()).isEqualTo(ExitStatus.FAILED);
    }

    static ExplainCli.Result explainAs(String profile, String principal) {
        return ExplainCli.run("explain", "--endpoint", TestServer.endpoint(APP), "--credentials-file",
                file("credentials"), "--profile", profile, "--principal", principal, "--action", "kms:Encrypt",
                "--key-arn", keyArn);
    }

    /** The latest ExplainAccess event of a caller that ended with {@code errorCode} (null: succeeded). */
    static AuditEvent explainEvent(String caller, String errorCode) {
        List<AuditEvent> events = AuditSearch.search(Path.of(dataDir()).resolve("audit"), AuditQuery.ALL).stream()
                .filter(e -> e.eventName().equals("ExplainAccess") && e.userIdentity().arn().equals(caller)
                        && java.util.Objects.equals(e.errorCode(), errorCode)).toList();
        assertThat(events).isNotEmpty();
        return events.get(events.size() - 1);
    }

    /** The decision three ways: audit event, flags, live server; each with exit status 0 (ALLOW) or 1 (DENY). */
    static void agree(String requestId, String decision, List<String> deciding, String principal, String action,
                      String asker, String... extra) {
        ExplainCli.Result audit = ExplainCli.run("explain", "--audit-event", requestId, "--audit-dir", dataDir(),
                "--json");
        List<String> flags = new ArrayList<>(List.of("explain", "--key-policy", file("policy.json"), "--principal",
                principal, "--action", action, "--key-arn", keyArn, "--guardrails", GUARDRAILS.toString(), "--json"));
        flags.addAll(List.of(extra));
        List<String> live = new ArrayList<>(List.of("explain", "--endpoint", TestServer.endpoint(APP),
                "--credentials-file", file("credentials"), "--profile", asker, "--principal", principal, "--action",
                action, "--key-arn", keyArn, "--json"));
        for (int i = 0; i + 1 < extra.length; i += 2) {
            if (extra[i].equals("--context")) {
                live.addAll(List.of(extra[i], extra[i + 1]));
            }
        }
        int status = decision.equals("ALLOW") ? ExitStatus.OK : ExitStatus.FAILED;
        for (ExplainCli.Result r : List.of(audit, ExplainCli.run(flags), ExplainCli.run(live))) {
            assertThat(r.err()).isEmpty();
            assertThat(r.status()).isEqualTo(status);
            assertThat(r.decision()).isEqualTo(decision);
            assertThat(r.deciding()).containsExactlyInAnyOrderElementsOf(deciding);
        }
    }

    /** Runs a call that must end as {@code expected}; its request id. */
    static String attempt(String expected, Supplier<AwsResponse> call) {
        if (expected.equals("ALLOW")) {
            return call.get().responseMetadata().requestId();
        }
        return denied(call).requestId();
    }

    static KmsException denied(Supplier<AwsResponse> call) {
        try {
            call.get();
        } catch (KmsException e) {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
            return e;
        }
        throw new AssertionError("the request was allowed");
    }

    static AuditEvent event(String requestId) {
        return AuditSearch.search(Path.of(dataDir()).resolve("audit"), AuditQuery.ALL).stream()
                .filter(e -> e.requestID().equals(requestId)).findFirst().orElseThrow();
    }

    static KmsClient kms(String user) {
        return TestServer.client(APP, TestServer.user(user));
    }

    static SdkBytes bytes() {
        return SdkBytes.fromUtf8String("hello");
    }

    static String dataDir() {
        return APP.getConfiguration().getKms().dataPath().toString();
    }

    static String file(String name) {
        return FILES.resolve(name).toString();
    }

    static String profile(String name, String key, String secret) {
        return "[" + name + "]\naws_access_key_id = " + key + "\naws_secret_access_key = " + secret + "\n";
    }

    static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path tempDir() {
        try {
            return Files.createTempDirectory("kms-explain-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
