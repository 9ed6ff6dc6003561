package io.kmsd.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.kmsd.api.KmsConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Makes a running server's audit trail unwritable — even for root — and repairs it: the audit directory is moved
 * aside and a plain file takes its name, so the writer cannot create its next log or digest file there (the open
 * log file lives on in the moved directory until the next rotation, which a small {@code maxFileSize} brings soon).
 */
final class Sabotage {
    private final Path dir;
    private final Path aside;

    Sabotage(Path auditDir) {
        this.dir = auditDir;
        this.aside = auditDir.resolveSibling(auditDir.getFileName() + ".aside");
    }

    void breakTrail() {
        try {
            Files.move(dir, aside);
            Files.writeString(dir, "not a directory");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void repairTrail() {
        try {
            Files.delete(dir);
            Files.move(aside, dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code audit} entry of the admin health check. */
    static JsonNode auditHealth(DropwizardAppExtension<KmsConfiguration> app) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + app.getAdminPort()
                    + "/healthcheck").toURL().openConnection();
            int status = c.getResponseCode();
            try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
                JsonNode all = new ObjectMapper().readTree(in);
                assertThat(status).as("overall status").isEqualTo(all.get("audit").get("healthy").asBoolean()
                        ? 200 : 500);
                return all.get("audit");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
