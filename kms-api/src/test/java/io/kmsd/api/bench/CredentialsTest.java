package io.kmsd.api.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTest {
    @TempDir
    Path dir;

    private Path file(String text) throws Exception {
        return Files.writeString(dir.resolve("credentials"), text);
    }

    @Test
    void readsTheNamedProfile() throws Exception {
        Path f = file("""
                [default]
                aws_access_key_id = AKIADEFAULT
                aws_secret_access_key = default-secret

                # written by the server's first start
                [kms-local]
                aws_access_key_id=AKIALOCAL
                aws_secret_access_key=local/secret+key=
                aws_session_token = TOKEN
                """);
        Credentials c = Credentials.fromProfile(f, "kms-local");
        assertThat(c.accessKeyId()).isEqualTo("AKIALOCAL");
        assertThat(c.secretAccessKey()).isEqualTo("local/secret+key=");
        assertThat(c.sessionToken()).contains("TOKEN");
        assertThat(Credentials.fromProfile(f, "default").sessionToken()).isEmpty();
    }

    @Test
    void missingProfileFails() throws Exception {
        Path f = file("[default]\naws_access_key_id=A\naws_secret_access_key=B\n");
        assertThatThrownBy(() -> Credentials.fromProfile(f, "kms-local"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no profile [kms-local]");
    }

    @Test
    void profileWithoutSecretFails() throws Exception {
        Path f = file("[kms-local]\naws_access_key_id=A\n");
        assertThatThrownBy(() -> Credentials.fromProfile(f, "kms-local"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("aws_secret_access_key");
    }

    @Test
    void missingFileFailsWithAHint() {
        assertThatThrownBy(() -> Credentials.fromProfile(dir.resolve("nope"), "kms-local"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--access-key");
    }

    @Test
    void blankKeyOrSecretIsRefused() {
        assertThatThrownBy(() -> new Credentials(" ", "s")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Credentials("AKIA", "")).isInstanceOf(IllegalArgumentException.class);
    }
}
