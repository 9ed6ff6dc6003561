package io.kmsd.api.auth;

import io.kmsd.core.key.AccountId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * The first start with no identities file (DESIGN "Running"): one account with one administrator user
 * ({@code admin}, identity policy {@code kms:*}) and a fresh random access key, written to the identities file
 * and, in the AWS shared-credentials format, to {@code <dataDir>/credentials} (profile {@code kms-local}, mode
 * 0600) with {@code <dataDir>/config} giving that profile Region {@code us-east-1}.
 */
public final class FirstStart {
    public static final String PROFILE = "kms-local";
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String SECRET_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /** What the first start created; {@link #toString()} shows no secret. */
    public record Created(AccountId account, String accessKeyId, Path identitiesFile, Path credentialsFile,
                          Path configFile) {
    }

    private final SecureRandom random;

    public FirstStart(SecureRandom random) {
        this.random = random;
    }

    /** Creates the administrator if {@code identitiesFile} does not exist yet; empty if it does. */
    public Optional<Created> ensureIdentities(Path identitiesFile, Path dataDir, AccountId account) {
        if (Files.exists(identitiesFile)) {
            return Optional.empty();
        }
        String keyId = "AKIA" + randomString(BASE32, 16);
        String secret = randomString(SECRET_CHARS, 40);
        writePrivate(identitiesFile, identitiesYaml(account, keyId, secret));
        Path credentials = dataDir.resolve("credentials");
        writePrivate(credentials, "[" + PROFILE + "]\naws_access_key_id = " + keyId
                + "\naws_secret_access_key = " + secret + "\n");
        Path config = dataDir.resolve("config");
        writePrivate(config, "[profile " + PROFILE + "]\nregion = us-east-1\noutput = json\n");
        return Optional.of(new Created(account, keyId, identitiesFile, credentials, config));
    }

    /** How to use what was created: an AWS CLI command line against {@code endpoint}. */
    public static String usage(Created c, String endpoint) {
        return String.join("\n",
                "kms: first start - created account " + c.account() + " with administrator user 'admin'",
                "kms:   identities:  " + c.identitiesFile(),
                "kms:   credentials: " + c.credentialsFile() + " (profile " + PROFILE + ", access key "
                        + c.accessKeyId() + ")",
                "kms: try it with the AWS CLI:",
                "  AWS_SHARED_CREDENTIALS_FILE=" + c.credentialsFile() + " AWS_CONFIG_FILE=" + c.configFile()
                        + " aws --endpoint-url " + endpoint + " --profile " + PROFILE + " kms create-key");
    }

    static String identitiesYaml(AccountId account, String keyId, String secret) {
        return """
                # Created by the first start of kms. Accounts, users, roles and their access keys:
                # see README.md ("Identities"). Keep this file private (mode 0600).
                accounts:
                  - id: "%s"
                    users:
                      - name: admin
                        accessKeys: [{id: %s, secret: "%s"}]
                        policies:
                          - {"Version": "2012-10-17", "Statement": [{"Sid": "Administrator", "Effect": "Allow", "Action": "kms:*", "Resource": "*"}]}
                """.formatted(account, keyId, secret);
    }

    private String randomString(String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** Writes a new file readable by its owner only (the permissions are set before any secret is in it). */
    static void writePrivate(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(file);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
