package io.kmsd.api;

import io.dropwizard.core.Application;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

/** The whole server on random loopback ports with a temporary data directory, and real SDK clients for it. */
public final class TestServer {
    private TestServer() {
    }

    /** An app over a fresh data directory holding {@link TestIdentities}. */
    public static DropwizardAppExtension<KmsConfiguration> app(ConfigOverride... extra) {
        Path dataDir = tempDir();
        Path identities = TestIdentities.write(dataDir);
        ConfigOverride[] overrides = new ConfigOverride[extra.length + 2];
        overrides[0] = ConfigOverride.config("kms.dataDir", dataDir.toString());
        overrides[1] = ConfigOverride.config("kms.auth.identitiesFile", identities.toString());
        System.arraycopy(extra, 0, overrides, 2, extra.length);
        return new DropwizardAppExtension<>(KmsApplication.class,
                ResourceHelpers.resourceFilePath("config/app-test.yml"), overrides);
    }

    /**
     * One node of several sharing a data directory (root key file, identities) and a database, all in the
     * configuration file {@code config} (see {@link #nodeConfig}); {@code clock} is the node's own (tests move it
     * to pass refresh intervals). No ConfigOverride: overrides are system properties that one node would restore
     * into the next test's servers when several apps of one class set the same keys.
     */
    public static DropwizardAppExtension<KmsConfiguration> node(Path config, Clock clock) {
        return new DropwizardAppExtension<>(new DropwizardTestSupport<>(KmsApplication.class, config.toString()) {
            @Override
            public Application<KmsConfiguration> newApplication() {
                return new KmsApplication(clock);
            }
        });
    }

    /**
     * Writes a configuration like {@code config/app-test.yml} for nodes sharing {@code dataDir} (with
     * {@link TestIdentities}), with the largest SigV4 clock skew so a node's clock may be moved ahead;
     * {@code kmsYaml} adds settings to the {@code kms:} block, each line indented by two.
     */
    public static Path nodeConfig(Path dataDir, String kmsYaml) {
        Path identities = TestIdentities.write(dataDir);
        try {
            return Files.writeString(dataDir.resolve("node.yml"), """
                    server:
                      applicationConnectors: [{type: http, bindHost: 127.0.0.1, port: 0}]
                      adminConnectors: [{type: http, bindHost: 127.0.0.1, port: 0}]
                      requestLog: {appenders: []}
                    logging:
                      level: WARN
                    kms:
                      dataDir: %s
                      regions: [us-east-1, eu-west-1]
                      auth:
                        mode: sigv4
                        identitiesFile: %s
                        clockSkew: 15 minutes
                    %s
                    """.formatted(dataDir, identities, kmsYaml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path newDataDir() {
        return tempDir();
    }

    public static String endpoint(DropwizardAppExtension<?> app) {
        return "http://127.0.0.1:" + app.getLocalPort();
    }

    public static KmsClient client(DropwizardAppExtension<?> app, AwsCredentials credentials) {
        return client(app, credentials, "us-east-1");
    }

    /** The real AWS SDK v2 client with endpoint override; no retries, so every outcome is the server's. */
    public static KmsClient client(DropwizardAppExtension<?> app, AwsCredentials credentials, String region) {
        return KmsClient.builder()
                .endpointOverride(URI.create(endpoint(app)))
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    public static AwsCredentials alice() {
        return AwsBasicCredentials.create(TestIdentities.ALICE_KEY, TestIdentities.ALICE_SECRET);
    }

    public static AwsCredentials bob() {
        return AwsBasicCredentials.create(TestIdentities.BOB_KEY, TestIdentities.BOB_SECRET);
    }

    /** A user of {@link TestIdentities} with a derived key: kadmin, kuser, gina, rita, creator, carol. */
    public static AwsCredentials user(String name) {
        return AwsBasicCredentials.create(TestIdentities.keyOf(name), TestIdentities.secretOf(name));
    }

    public static AwsCredentials session(String token) {
        return AwsSessionCredentials.create(TestIdentities.SESSION_KEY, TestIdentities.SESSION_SECRET, token);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("kms-app-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
