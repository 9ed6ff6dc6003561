package io.kmsd.api.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.kmsd.api.KmsConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real AWS CLI (v1, botocore's own SigV4 signer and JSON protocol) against the whole app: create-key,
 * encrypt, decrypt, re-encrypt, disable-key, schedule-key-deletion, with outputs parsed and checked, and the
 * failures a user would meet (wrong context, disabled key) checked for their AWS error names.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AwsCliCompatTest {
    private static final CompatApp APP = CompatApp.create("aws-cli");
    static final DropwizardAppExtension<KmsConfiguration> SERVER = APP.extension();
    private static final String ARN_PREFIX = "arn:aws:kms:us-east-1:" + CompatFixtures.ACCOUNT + ":key/";

    @TempDir
    static Path dir;
    private static AwsCli aws;

    @BeforeAll
    static void cli() throws Exception {
        aws = new AwsCli(dir, APP.url(), APP.accessKey());
    }

    private static JsonNode createKey(String description) {
        JsonNode m = aws.kms("create-key", "--description", description).path("KeyMetadata");
        assertThat(m.path("Arn").asText()).startsWith(ARN_PREFIX).endsWith(m.path("KeyId").asText());
        return m;
    }

    private static Path file(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    private static String fileb(Path p) {
        return "fileb://" + p.toAbsolutePath();
    }

    @Test
    void createKeyReturnsSymmetricEnabledMetadata() {
        JsonNode m = createKey("cli compat");
        assertThat(m.path("KeyState").asText()).isEqualTo("Enabled");
        assertThat(m.path("Enabled").asBoolean()).isTrue();
        assertThat(m.path("KeySpec").asText()).isEqualTo("SYMMETRIC_DEFAULT");
        assertThat(m.path("KeyUsage").asText()).isEqualTo("ENCRYPT_DECRYPT");
        assertThat(m.path("Description").asText()).isEqualTo("cli compat");
        assertThat(m.path("AWSAccountId").asText()).isEqualTo(CompatFixtures.ACCOUNT);
        assertThat(m.has("CreationDate")).isTrue();
    }

    @Test
    void encryptThenDecryptWithContextRoundTrips() throws Exception {
        JsonNode key = createKey("cli encrypt");
        byte[] plaintext = CompatFixtures.randomBytes(100);
        JsonNode enc = aws.kms("encrypt", "--key-id", key.path("KeyId").asText(), "--plaintext",
                fileb(file("p.bin", plaintext)), "--encryption-context", "purpose=cli,team=bench");
        assertThat(enc.path("KeyId").asText()).isEqualTo(key.path("Arn").asText());
        assertThat(enc.path("EncryptionAlgorithm").asText()).isEqualTo("SYMMETRIC_DEFAULT");
        Path blob = file("c.bin", Base64.getDecoder().decode(enc.path("CiphertextBlob").asText()));
        JsonNode dec = aws.kms("decrypt", "--ciphertext-blob", fileb(blob), "--encryption-context",
                "team=bench,purpose=cli");
        assertThat(Base64.getDecoder().decode(dec.path("Plaintext").asText())).isEqualTo(plaintext);
        assertThat(dec.path("KeyId").asText()).isEqualTo(key.path("Arn").asText());
    }

    @Test
    void decryptWithWrongContextFailsAsInvalidCiphertext() throws Exception {
        JsonNode key = createKey("cli wrong context");
        JsonNode enc = aws.kms("encrypt", "--key-id", key.path("Arn").asText(), "--plaintext",
                fileb(file("p2.bin", new byte[] {1, 2, 3})), "--encryption-context", "purpose=cli");
        Path blob = file("c2.bin", Base64.getDecoder().decode(enc.path("CiphertextBlob").asText()));
        AwsCli.Result r = aws.run("decrypt", "--ciphertext-blob", fileb(blob), "--encryption-context", "purpose=other");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stderr()).contains("(InvalidCiphertextException)");
    }

    @Test
    void reEncryptMovesCiphertextToAnotherKey() throws Exception {
        JsonNode source = createKey("cli re-encrypt source");
        JsonNode target = createKey("cli re-encrypt target");
        byte[] plaintext = "re-encrypt me".getBytes();
        JsonNode enc = aws.kms("encrypt", "--key-id", source.path("KeyId").asText(), "--plaintext",
                fileb(file("p3.bin", plaintext)), "--encryption-context", "a=1");
        Path blob = file("c3.bin", Base64.getDecoder().decode(enc.path("CiphertextBlob").asText()));
        JsonNode re = aws.kms("re-encrypt", "--ciphertext-blob", fileb(blob), "--source-encryption-context", "a=1",
                "--destination-key-id", target.path("KeyId").asText(), "--destination-encryption-context", "b=2");
        assertThat(re.path("SourceKeyId").asText()).isEqualTo(source.path("Arn").asText());
        assertThat(re.path("KeyId").asText()).isEqualTo(target.path("Arn").asText());
        Path moved = file("c4.bin", Base64.getDecoder().decode(re.path("CiphertextBlob").asText()));
        JsonNode dec = aws.kms("decrypt", "--ciphertext-blob", fileb(moved), "--encryption-context", "b=2");
        assertThat(Base64.getDecoder().decode(dec.path("Plaintext").asText())).isEqualTo(plaintext);
        assertThat(dec.path("KeyId").asText()).isEqualTo(target.path("Arn").asText());
    }

    @Test
    void disabledKeyRefusesEncryptThenDeletionIsScheduled() throws Exception {
        JsonNode key = createKey("cli lifecycle");
        String id = key.path("KeyId").asText();
        String arn = key.path("Arn").asText();
        aws.kms("disable-key", "--key-id", id);
        assertThat(aws.kms("describe-key", "--key-id", id).path("KeyMetadata").path("KeyState").asText())
                .isEqualTo("Disabled");
        AwsCli.Result refused = aws.run("encrypt", "--key-id", id, "--plaintext", fileb(file("p5.bin", new byte[] {7})));
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.stderr()).contains("(DisabledException)").contains(arn + " is disabled.");

        JsonNode scheduled = aws.kms("schedule-key-deletion", "--key-id", id, "--pending-window-in-days", "7");
        assertThat(scheduled.path("KeyId").asText()).isEqualTo(arn);
        assertThat(scheduled.path("KeyState").asText()).isEqualTo("PendingDeletion");
        assertThat(scheduled.path("PendingWindowInDays").asInt()).isEqualTo(7);
        assertThat(scheduled.has("DeletionDate")).isTrue();
        JsonNode after = aws.kms("describe-key", "--key-id", id).path("KeyMetadata");
        assertThat(after.path("KeyState").asText()).isEqualTo("PendingDeletion");
        assertThat(after.path("Enabled").asBoolean()).isFalse();
    }

    @Test
    void wrongSecretIsRefusedWithTheAwsErrorName() throws Exception {
        AwsCli impostor = new AwsCli(Files.createDirectories(dir.resolve("impostor")), APP.url(),
                new CompatFixtures.AccessKey(APP.accessKey().id(), "not-the-secret-" + "x".repeat(25)));
        AwsCli.Result r = impostor.run("create-key");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stderr()).contains("(InvalidSignatureException)");
    }
}
