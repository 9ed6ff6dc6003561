package io.kmsd.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.configuration.ResourceConfigurationSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.util.DataSize;
import io.kmsd.api.KmsConfiguration;
import io.kmsd.api.auth.IdentityStore;
import io.kmsd.api.auth.PermissiveAuthenticator;
import io.kmsd.api.auth.SigV4Verifier;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** One YAML fixture per configuration variant (DESIGN "Configuration"), each loaded and checked. */
class ConfigurationTest {
    private static final DefaultingConfigurationFactory<KmsConfiguration> FACTORY =
            new DefaultingConfigurationFactory<>(KmsConfiguration.class, Validators.newValidator(),
                    Jackson.newObjectMapper(), "dw");

    static KmsConfiguration load(String fixture) throws Exception {
        return FACTORY.build(new ResourceConfigurationSourceProvider(), "config/" + fixture);
    }

    static HttpConnectorFactory connector(KmsConfiguration c, boolean admin) {
        DefaultServerFactory server = (DefaultServerFactory) c.getServerFactory();
        return (HttpConnectorFactory) (admin ? server.getAdminConnectors() : server.getApplicationConnectors()).get(0);
    }

    @Test
    void noFileMeansTheBundledDefaultOnLoopback() throws Exception {
        KmsConfiguration c = FACTORY.build();
        assertThat(connector(c, false).getBindHost()).isEqualTo("127.0.0.1");
        assertThat(connector(c, false).getPort()).isEqualTo(8080);
        assertThat(connector(c, true).getBindHost()).isEqualTo("127.0.0.1");
        assertThat(connector(c, true).getPort()).isEqualTo(8081);
        assertThat(c.getKms().getDataDir()).isEqualTo("./data");
        assertThat(c.getKms().getAuth().getMode()).isEqualTo(AuthMode.SIGV4);
        assertThat(((DefaultServerFactory) c.getServerFactory()).getShutdownGracePeriod().toSeconds()).isEqualTo(10);
        assertThat(((DefaultServerFactory) c.getServerFactory()).getGzipFilterFactory().isEnabled()).isFalse();
    }

    @Test
    void fileWithoutServerOrKmsBlockKeepsLoopbackAndEveryDefault() throws Exception {
        KmsConfiguration c = load("minimal.yml");
        assertThat(connector(c, false).getBindHost()).isEqualTo("127.0.0.1");
        assertThat(connector(c, true).getPort()).isEqualTo(8081);
        assertThat(((DefaultServerFactory) c.getServerFactory()).getGzipFilterFactory().isEnabled()).isFalse();
        KmsFactory kms = c.getKms();
        assertThat(kms.getDatabase()).isNull();
        assertThat(kms.databaseOrDefault().getUrl()).startsWith("jdbc:h2:file:").contains("/data/kms");
        assertThat(kms.getAuth().getIdentitiesFile()).isEqualTo("identities.yml");
        assertThat(kms.getAuth().getDefaultAccount()).isEqualTo("111122223333");
        assertThat(kms.getAuth().getClockSkew().toJavaDuration()).isEqualTo(Duration.ofMinutes(5));
        assertThat(kms.getDeletion().isRequireDisabled()).isTrue();
        assertThat(kms.getMaxRequestSize()).isEqualTo(DataSize.mebibytes(1));
        assertThat(kms.getPolicy().isEnforceSeparationOfDuties()).isFalse();
        assertThat(kms.getGrants().getRefreshInterval().toJavaDuration()).isEqualTo(Duration.ofSeconds(5));
        assertThat(kms.getGrants().getPropagationDelay()).isEqualTo(io.dropwizard.util.Duration.seconds(0));
        assertThat(kms.servedRegions().serves("ap-southeast-2")).isTrue();
        assertThat(kms.servedRegions().serves("moon")).isFalse();
    }

    @Test
    void everySettingIsRead() throws Exception {
        KmsFactory kms = load("sigv4.yml").getKms();
        assertThat(kms.dataPath()).isEqualTo(Path.of("/var/lib/kms"));
        assertThat(kms.getAuth().identitiesPath(kms.dataPath())).isEqualTo(Path.of("/etc/kms/identities.yml"));
        assertThat(kms.getAuth().defaultAccountId().value()).isEqualTo("444455556666");
        assertThat(kms.getAuth().getClockSkew().toJavaDuration()).isEqualTo(Duration.ofMinutes(15));
        assertThat(kms.getAuth().isAllowUnsignedPayload()).isTrue();
        assertThat(kms.getDeletion().isRequireDisabled()).isFalse();
        assertThat(kms.getDeletion().getCheckInterval().toJavaDuration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(kms.getCache().getRefreshInterval().toJavaDuration()).isEqualTo(Duration.ofSeconds(2));
        assertThat(kms.getPolicy().isEnforceSeparationOfDuties()).isTrue();
        assertThat(kms.getGrants().getRefreshInterval().toJavaDuration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(kms.getGrants().getPropagationDelay().toJavaDuration()).isEqualTo(Duration.ofSeconds(1));
        assertThat(kms.servedRegions().serves("eu-central-1")).isTrue();
        assertThat(kms.servedRegions().serves("us-west-2")).isFalse();
        assertThat(kms.getMaxRequestSize()).isEqualTo(DataSize.kibibytes(512));
        assertThat(kms.getAuth().build(IdentityStore.empty(), kms.servedRegions(), Clock.systemUTC()))
                .isInstanceOf(SigV4Verifier.class);
    }

    @Test
    void relativeIdentitiesFileIsInTheDataDirectory() throws Exception {
        KmsFactory kms = load("minimal.yml").getKms();
        assertThat(kms.getAuth().identitiesPath(kms.dataPath())).isEqualTo(kms.dataPath().resolve("identities.yml"));
    }

    @Test
    void permissiveModeMustBeWrittenOut() throws Exception {
        KmsFactory kms = load("permissive.yml").getKms();
        assertThat(kms.getAuth().getMode()).isEqualTo(AuthMode.PERMISSIVE);
        assertThat(kms.getAuth().build(IdentityStore.empty(), kms.servedRegions(), Clock.systemUTC()))
                .isInstanceOf(PermissiveAuthenticator.class);
    }

    @Test
    void postgresDatabaseReplacesTheEmbeddedOne() throws Exception {
        KmsFactory kms = load("postgres.yml").getKms();
        assertThat(kms.databaseOrDefault().getDriverClass()).isEqualTo("org.postgresql.Driver");
        assertThat(kms.databaseOrDefault().getUrl()).isEqualTo("jdbc:postgresql://db.example:5432/kms");
        assertThat(kms.databaseOrDefault().getMaxSize()).isEqualTo(20);
    }

    @Test
    void clockSkewAboveFifteenMinutesIsRefused() {
        assertThatThrownBy(() -> load("invalid-skew.yml")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("kms.auth.clockSkew");
    }

    @Test
    void unknownAuthModeIsRefused() {
        assertThatThrownBy(() -> load("invalid-mode.yml")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("sigv4 or permissive");
    }

    @Test
    void malformedRegionIsRefused() {
        assertThatThrownBy(() -> load("invalid-region.yml")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("regions must be Region names");
    }

    @Test
    void defaultAccountMustHaveTwelveDigits() {
        assertThatThrownBy(() -> load("invalid-account.yml")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("kms.auth.defaultAccount");
    }

    @Test
    void requestSizeAboveSixteenMebibytesIsRefused() {
        assertThatThrownBy(() -> load("invalid-request-size.yml")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("kms.maxRequestSize");
    }

    @Test
    void theAppTestFixtureLoads() throws Exception {
        assertThat(connector(load("app-test.yml"), false).getPort()).isZero();
        assertThat(YamlConfigurationFactory.class).isAssignableFrom(DefaultingConfigurationFactory.class);
    }

    @Test
    void guardrailsAreNamedByDirectoryAndNoneByDefault() throws Exception {
        assertThat(load("minimal.yml").getKms().getPolicy().loadGuardrails().policyIds()).isEmpty();
        PolicyFactory policy = load("guardrails.yml").getKms().getPolicy();
        assertThat(policy.getGuardrails()).isEqualTo("../policies/guardrails");
        assertThat(policy.loadGuardrails().policyIds()).containsExactly("decrypt-from-corporate-network",
                "keep-production-keys", "tenant-context-required");
    }
}
