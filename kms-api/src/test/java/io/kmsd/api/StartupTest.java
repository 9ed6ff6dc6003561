package io.kmsd.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server refuses to start — with one clear line, no stack trace — when what an operator wrote is wrong:
 * the configuration, the identities file, the root key file, the database.
 */
class StartupTest {

    /** The application with its fatal exit recorded instead of performed. */
    static final class Recording extends KmsApplication {
        Throwable fatal;

        @Override
        protected void onFatalError(Throwable t) {
            fatal = t;
        }
    }

    record Outcome(Throwable fatal, String stderr) {
    }

    static Outcome start(Path config) throws Exception {
        Recording app = new Recording();
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            app.run("server", config.toString());
        } finally {
            System.setErr(original);
        }
        return new Outcome(app.fatal, err.toString(StandardCharsets.UTF_8));
    }

    static Path config(Path dir, String kmsBlock) throws Exception {
        return Files.writeString(dir.resolve("config.yml"), """
                server:
                  applicationConnectors: [{type: http, bindHost: 127.0.0.1, port: 0}]
                  adminConnectors: [{type: http, bindHost: 127.0.0.1, port: 0}]
                logging:
                  level: "OFF"
                kms:
                  dataDir: %s
                """.formatted(dir) + kmsBlock);
    }

    static void refusedWith(Outcome o, String message) {
        assertThat(o.fatal()).isNotNull();
        assertThat(o.stderr()).contains("kms: cannot start: ").contains(message).doesNotContain("\tat ");
    }

    @Test
    void brokenIdentitiesFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("identities.yml"), "accounts:\n  - id: \"1234\"\n");
        refusedWith(start(config(dir, "")), "identities file " + dir.resolve("identities.yml")
                + ": accounts[0]: id must be a 12-digit account id");
    }

    @Test
    void rootKeyFileOfTheWrongSize(@TempDir Path dir) throws Exception {
        TestIdentities.write(dir);
        Files.write(dir.resolve("root.key"), new byte[5]);
        refusedWith(start(config(dir, "")), "holds 5 bytes, not 32; refusing to start");
    }

    @Test
    void unreachableDatabase(@TempDir Path dir) throws Exception {
        TestIdentities.write(dir);
        Outcome o = start(config(dir, """
                  database:
                    driverClass: org.postgresql.Driver
                    url: jdbc:postgresql://127.0.0.1:1/kms
                    user: kms
                    password: kms
                """));
        refusedWith(o, "the database jdbc:postgresql://127.0.0.1:1/kms cannot be used");
    }

    @Test
    void invalidConfiguration(@TempDir Path dir) throws Exception {
        refusedWith(start(config(dir, "  auth:\n    clockSkew: 20 minutes\n")), "kms.auth.clockSkew");
    }
}
