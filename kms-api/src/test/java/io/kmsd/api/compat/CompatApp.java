package io.kmsd.api.compat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.kmsd.api.KmsApplication;
import io.kmsd.api.KmsConfiguration;
import io.kmsd.api.compat.CompatFixtures.AccessKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The whole app in-process for a compatibility test class: a temp data directory, an identities file with one
 * user ({@link CompatFixtures#writeIdentities}), SigV4 auth, both ports on 127.0.0.1 picked by the OS.
 * Declare {@code static final DropwizardAppExtension<KmsConfiguration> SERVER = APP.extension();} in the test.
 */
final class CompatApp {
    private final Path dir;
    private final AccessKey accessKey;
    private final DropwizardAppExtension<KmsConfiguration> extension;

    private CompatApp(Path dir, AccessKey accessKey, DropwizardAppExtension<KmsConfiguration> extension) {
        this.dir = dir;
        this.accessKey = accessKey;
        this.extension = extension;
    }

    static CompatApp create(String name) {
        try {
            Path dir = Files.createTempDirectory("kms-compat-" + name);
            AccessKey key = AccessKey.random();
            Path config = CompatFixtures.writeConfig(dir, dir.resolve("data"),
                    CompatFixtures.writeIdentities(dir, key), 0, 0);
            CompatApp app = new CompatApp(dir, key,
                    new DropwizardAppExtension<>(KmsApplication.class, config.toString()));
            app.extension.addListener(new DropwizardAppExtension.ServiceListener<>() {
                @Override
                public void onStop(DropwizardAppExtension<KmsConfiguration> stopped) throws IOException {
                    app.deleteFiles();
                }
            });
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    DropwizardAppExtension<KmsConfiguration> extension() {
        return extension;
    }

    AccessKey accessKey() {
        return accessKey;
    }

    /** The API endpoint; valid once the extension has started the app. */
    String url() {
        return "http://127.0.0.1:" + extension.getLocalPort();
    }

    Path dir() {
        return dir;
    }

    /** Removes the temp directory (data, root key, identities); runs when the app has stopped. */
    private void deleteFiles() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
