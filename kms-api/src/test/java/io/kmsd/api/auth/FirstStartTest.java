package io.kmsd.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.kmsd.core.key.AccountId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DESIGN "Running": the first start creates an administrator, its credentials (0600) and says how to use them. */
class FirstStartTest {
    static final AccountId ACCOUNT = new AccountId("111122223333");

    @Test
    void createsALoadableAdministratorAndPrivateCredentials(@TempDir Path dataDir) throws Exception {
        Path identities = dataDir.resolve("identities.yml");
        FirstStart.Created created = new FirstStart(new SecureRandom()).ensureIdentities(identities, dataDir, ACCOUNT)
                .orElseThrow();
        assertThat(created.accessKeyId()).matches("AKIA[A-Z2-7]{16}");
        Credential admin = IdentitiesFile.load(identities).credential(created.accessKeyId()).orElseThrow();
        assertThat(admin.principal().arn()).isEqualTo("arn:aws:iam::111122223333:user/admin");
        assertThat(admin.principal().identityPolicies()).singleElement().asString().contains("\"kms:*\"");
        String credentials = Files.readString(dataDir.resolve("credentials"));
        assertThat(credentials).startsWith("[kms-local]\naws_access_key_id = " + created.accessKeyId()
                + "\naws_secret_access_key = " + admin.secret() + "\n");
        assertThat(Files.readString(dataDir.resolve("config"))).contains("[profile kms-local]", "region = us-east-1");
        for (Path p : new Path[] {identities, dataDir.resolve("credentials"), dataDir.resolve("config")}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p))).as(p.toString())
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void usageIsAnAwsCliLineWithoutTheSecret(@TempDir Path dataDir) {
        FirstStart.Created created = new FirstStart(new SecureRandom())
                .ensureIdentities(dataDir.resolve("identities.yml"), dataDir, ACCOUNT).orElseThrow();
        String usage = FirstStart.usage(created, "http://127.0.0.1:8080");
        String secret = IdentitiesFile.load(created.identitiesFile()).credential(created.accessKeyId()).orElseThrow()
                .secret();
        assertThat(usage).contains("aws --endpoint-url http://127.0.0.1:8080 --profile kms-local kms create-key")
                .contains("AWS_SHARED_CREDENTIALS_FILE=" + dataDir.resolve("credentials")).doesNotContain(secret);
    }

    @Test
    void anExistingIdentitiesFileIsLeftAlone(@TempDir Path dataDir) throws Exception {
        Path identities = dataDir.resolve("identities.yml");
        Files.writeString(identities, "accounts: []\n");
        assertThat(new FirstStart(new SecureRandom()).ensureIdentities(identities, dataDir, ACCOUNT))
                .isEqualTo(Optional.empty());
        assertThat(Files.readString(identities)).isEqualTo("accounts: []\n");
        assertThat(dataDir.resolve("credentials")).doesNotExist();
    }

    @Test
    void twoFirstStartsMakeDifferentKeys(@TempDir Path a, @TempDir Path b) {
        String first = new FirstStart(new SecureRandom()).ensureIdentities(a.resolve("i.yml"), a, ACCOUNT)
                .orElseThrow().accessKeyId();
        String second = new FirstStart(new SecureRandom()).ensureIdentities(b.resolve("i.yml"), b, ACCOUNT)
                .orElseThrow().accessKeyId();
        assertThat(first).isNotEqualTo(second);
    }
}
