package io.kmsd.api;

import io.dropwizard.lifecycle.JettyManaged;
import io.dropwizard.lifecycle.Managed;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One server whose clock a test moves by days or years (a {@link ShiftedClock}), for rotation periods and
 * material expiry. SigV4 cannot follow such a clock, so the server runs {@code auth.mode: permissive}: the
 * identities file still names the principals, and policies still apply. The background jobs are reachable, so a
 * test runs one pass when it wants instead of waiting for a tick (their check interval is a day).
 */
public final class ClockedServer {
    public final ShiftedClock clock = new ShiftedClock();
    public final DropwizardAppExtension<KmsConfiguration> app;

    public ClockedServer() {
        this.app = TestServer.node(config(TestServer.newDataDir()), clock);
    }

    /** The managed background object of {@code type} (e.g. {@code RotationJob}) of the running app. */
    public <T extends Managed> T job(Class<T> type) {
        return app.getEnvironment().lifecycle().getManagedObjects().stream()
                .filter(JettyManaged.class::isInstance).map(m -> ((JettyManaged) m).getManaged())
                .filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no managed " + type.getSimpleName()));
    }

    /** {@link TestServer#nodeConfig} with permissive authentication and jobs that wait a day between ticks. */
    private static Path config(Path dataDir) {
        Path file = TestServer.nodeConfig(dataDir, """
                  deletion: {checkInterval: 1 day}
                  rotation: {checkInterval: 1 day}
                  materialExpiry: {checkInterval: 1 day}
                """);
        try {
            return Files.writeString(file, Files.readString(file).replace("mode: sigv4", "mode: permissive"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
