package io.kmsd.api.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.kmsd.api.KmsConfiguration;
import io.kmsd.api.bench.LoadTool;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The load tool against the real server: its own SigV4 signer and socket client meet the server's verifier and
 * Jetty, so every operation it drives must come back without a single error; a wrong secret must come back as
 * the server's {@code InvalidSignatureException} on every request.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class LoadToolCompatTest {
    private static final CompatApp APP = CompatApp.create("load");
    static final DropwizardAppExtension<KmsConfiguration> SERVER = APP.extension();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int load(String secret, String... args) {
        List<String> argv = new ArrayList<>(List.of("--endpoint", APP.url(), "--connections", "2", "--duration",
                "300ms", "--warmup", "100ms", "--access-key", APP.accessKey().id(), "--secret-key", secret));
        argv.addAll(List.of(args));
        return new LoadTool().runStandalone(argv.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void everyOperationRunsWithoutErrors() {
        List<String> ops = List.of("Ping", "Encrypt", "Decrypt", "ReEncrypt", "GenerateDataKey",
                "GenerateDataKeyWithoutPlaintext", "GenerateRandom", "DescribeKey");
        assertThat(load(APP.accessKey().secret(), "--op", String.join(",", ops))).as(err.toString()).isZero();
        String report = out.toString(StandardCharsets.UTF_8);
        for (String op : ops) {
            assertThat(report).containsPattern("(?m)^" + op + " +[1-9]\\d* +0 ");
        }
        assertThat(report).doesNotContainPattern("(?m)^errors ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ECC_NIST_P256", "RSA_2048"})
    void signRunsWithAKeyOfTheSpecWithoutErrors(String spec) { // issue 7: Sign/s
        assertThat(load(APP.accessKey().secret(), "--op", "Sign", "--key-spec", spec)).as(err.toString()).isZero();
        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(report).containsPattern("created " + spec + " signing key arn:aws:kms:\\S+ for this run, signing "
                + "with (ECDSA_SHA_256|RSASSA_PSS_SHA_256)").containsPattern("(?m)^Sign +[1-9]\\d* +0 ")
                .doesNotContainPattern("(?m)^errors ");
    }

    @Test
    void signWithASymmetricKeyIdStopsBeforeTheLoop() {
        assertThat(load(APP.accessKey().secret(), "--op", "Encrypt,Sign")).as(err.toString()).isZero();
        String symmetric = out.toString(StandardCharsets.UTF_8).replaceAll("(?s).*created key (\\S+) .*", "$1");
        assertThat(load(APP.accessKey().secret(), "--op", "Sign", "--key-id", symmetric)).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot sign (KeyUsage ENCRYPT_DECRYPT)");
    }

    @Test
    void wrongSecretIsRefusedOnEveryRequest() {
        assertThat(load("not-the-secret", "--op", "Encrypt", "--key-id", "alias/none")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .containsPattern("(?m)^Encrypt +(\\d+) +\\1 ")
                .contains("errors Encrypt: InvalidSignatureException=");
    }
}
