package io.kmsd.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.configuration.ConfigurationException;
import io.kmsd.audit.AuditConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code kms.audit} (issue 5): defaults, every setting read from its fixture, bounds refused. */
class AuditFactoryTest {

    @Test
    void withoutAnAuditBlockTheTrailIsOnAndFailsClosed() throws Exception {
        AuditConfig config = ConfigurationTest.load("minimal.yml").getKms().getAudit().config();
        assertThat(config).isEqualTo(new AuditConfig(true, true, 64L << 20, Duration.ofHours(1), 10_000,
                Duration.ofMinutes(5), 4096));
    }

    @Test
    void theBundledDefaultSpellsOutTheSameDefaults() throws Exception {
        AuditConfig bundled = new DefaultingConfigurationFactory<>(io.kmsd.api.KmsConfiguration.class,
                io.dropwizard.jersey.validation.Validators.newValidator(), io.dropwizard.jackson.Jackson.newObjectMapper(),
                "dw").build().getKms().getAudit().config();
        assertThat(bundled).isEqualTo(new AuditFactory().config());
    }

    @Test
    void everySettingIsRead() throws Exception {
        AuditConfig config = ConfigurationTest.load("audit.yml").getKms().getAudit().config();
        assertThat(config).isEqualTo(new AuditConfig(true, false, 8L << 20, Duration.ofMinutes(30), 500,
                Duration.ofMinutes(1), 256));
    }

    @Test
    void aLogFileSmallerThanFourKibibytesIsRefused() {
        assertThatThrownBy(() -> ConfigurationTest.load("invalid-audit-file-size.yml"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("kms.audit.maxFileSize");
    }

    @Test
    void digestBoundsAreChecked() {
        assertThatThrownBy(() -> ConfigurationTest.load("invalid-audit-digest.yml"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("kms.audit.digestEvery")
                .hasMessageContaining("kms.audit.digestInterval");
    }
}
