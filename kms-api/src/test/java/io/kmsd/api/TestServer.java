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
     * One node of several sharing {@code dataDir} (its root key file and identities) and, through
     * {@code extra}, a database; {@code clock} is the node's own (tests move it to pass refresh intervals).
     */
    public static DropwizardAppExtension<KmsConfiguration> node(Path dataDir, Clock clock, ConfigOverride... extra) {
        Path identities = TestIdentities.write(dataDir);
        ConfigOverride[] overrides = new ConfigOverride[extra.length + 2];
        overrides[0] = ConfigOverride.config("kms.dataDir", dataDir.toString());
        overrides[1] = ConfigOverride.config("kms.auth.identitiesFile", identities.toString());
        System.arraycopy(extra, 0, overrides, 2, extra.length);
        return new DropwizardAppExtension<>(new DropwizardTestSupport<>(KmsApplication.class,
                ResourceHelpers.resourceFilePath("config/app-test.yml"), overrides) {
            @Override
            public Application<KmsConfiguration> newApplication() {
                return new KmsApplication(clock);
            }
        });
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
