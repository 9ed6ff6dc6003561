package io.kmsd.api.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * What the compatibility tests share: an identities file (DESIGN "Identities file") with one account and one
 * user allowed {@code kms:*} by an identity policy, a server config (DESIGN "Configuration") on loopback, and SDK
 * clients pointed at it.
 */
final class CompatFixtures {
    static final String ACCOUNT = "111122223333";
    static final String REGION = "us-east-1";
    private static final SecureRandom RANDOM = new SecureRandom();

    private CompatFixtures() {
    }

    /** An access key pair; the secret is never printed. */
    record AccessKey(String id, String secret) {
        static AccessKey random() {
            return new AccessKey("AKIA" + randomString("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16),
                    randomString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 40));
        }

        @Override
        public String toString() {
            return "AccessKey[" + id + "]";
        }
    }

    /** Writes {@code identities.yml}: account {@link #ACCOUNT}, user {@code compat} with {@code key}. */
    static Path writeIdentities(Path dir, AccessKey key) {
        return write(dir.resolve("identities.yml"), """
                accounts:
                  - id: "%s"
                    users:
                      - name: compat
                        accessKeys: [{id: %s, secret: "%s"}]
                        policies:
                          - {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "kms:*", "Resource": "*"}]}
                """.formatted(ACCOUNT, key.id(), key.secret()));
    }

    /** Writes a server config: API and admin ports on 127.0.0.1, SigV4 auth, everything under {@code dataDir}. */
    static Path writeConfig(Path dir, Path dataDir, Path identities, int apiPort, int adminPort) {
        return write(dir.resolve("config.yml"), """
                server:
                  applicationConnectors:
                    - type: http
                      bindHost: 127.0.0.1
                      port: %d
                  adminConnectors:
                    - type: http
                      bindHost: 127.0.0.1
                      port: %d
                logging:
                  level: WARN
                kms:
                  dataDir: %s
                  auth:
                    mode: sigv4
                    identitiesFile: %s
                """.formatted(apiPort, adminPort, dataDir.toAbsolutePath(), identities.toAbsolutePath()));
    }

    /** A TCP port free on loopback right now. */
    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The real AWS SDK v2 client, pointed at our server; retries off so every outcome is the server's. */
    static KmsClient kmsClient(String endpoint, AccessKey key) {
        return KmsClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key.id(), key.secret())))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    private static String randomString(String alphabet, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
