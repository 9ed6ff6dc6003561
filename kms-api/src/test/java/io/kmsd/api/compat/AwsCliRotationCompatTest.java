package io.kmsd.api.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.kmsd.api.KmsConfiguration;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The real AWS CLI's {@code enable-key-rotation} and {@code get-key-rotation-status} (kms-api §4.7, §6.54). */
@ExtendWith(DropwizardExtensionsSupport.class)
class AwsCliRotationCompatTest {
    private static final CompatApp APP = CompatApp.create("aws-cli-rotation");
    static final DropwizardAppExtension<KmsConfiguration> SERVER = APP.extension();

    @TempDir
    static Path dir;
    private static AwsCli aws;

    @BeforeAll
    static void cli() throws Exception {
        aws = new AwsCli(dir, APP.url(), APP.accessKey());
    }

    @Test
    void enableKeyRotationThenStatusReportsPeriodAndNextDate() {
        // kms-api §6.54
        String arn = aws.kms("create-key", "--description", "cli rotation").path("KeyMetadata").path("Arn").asText();
        JsonNode off = aws.kms("get-key-rotation-status", "--key-id", arn);
        assertThat(off.path("KeyRotationEnabled").asBoolean()).isFalse();
        assertThat(off.has("NextRotationDate")).isFalse();

        aws.kms("enable-key-rotation", "--key-id", arn, "--rotation-period-in-days", "90");
        JsonNode on = aws.kms("get-key-rotation-status", "--key-id", arn);
        assertThat(on.path("KeyRotationEnabled").asBoolean()).isTrue();
        assertThat(on.path("KeyId").asText()).isEqualTo(arn);
        assertThat(on.path("RotationPeriodInDays").asInt()).isEqualTo(90);
        Instant next = instant(on.path("NextRotationDate"));
        assertThat(Duration.between(Instant.now().plus(Duration.ofDays(90)), next).abs())
                .isLessThan(Duration.ofMinutes(5));
    }

    /** The CLI prints timestamps as ISO-8601 text (botocore parses the wire's epoch seconds). */
    private static Instant instant(JsonNode value) {
        return value.isNumber() ? Instant.ofEpochMilli((long) (value.asDouble() * 1000))
                : java.time.OffsetDateTime.parse(value.asText()).toInstant();
    }

    @Test
    void periodBelow90IsRefusedAndAbsentMeans365() {
        // kms-api §6.54, §5
        String arn = aws.kms("create-key").path("KeyMetadata").path("Arn").asText();
        AwsCli.Result r = aws.run("enable-key-rotation", "--key-id", arn, "--rotation-period-in-days", "89");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stderr()).contains("RotationPeriodInDays"); // botocore checks the model's 90 itself
        aws.kms("enable-key-rotation", "--key-id", arn);
        assertThat(aws.kms("get-key-rotation-status", "--key-id", arn).path("RotationPeriodInDays").asInt())
                .isEqualTo(365);
    }
}
