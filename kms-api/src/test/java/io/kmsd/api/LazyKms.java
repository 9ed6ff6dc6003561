package io.kmsd.api;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.kms.KmsClient;

/** A test class's SDK client for its app: made on first use (the app has started by then), closed after the class. */
public final class LazyKms {
    private final DropwizardAppExtension<?> app;
    private final AwsCredentials credentials;
    private KmsClient client;

    public LazyKms(DropwizardAppExtension<?> app, AwsCredentials credentials) {
        this.app = app;
        this.credentials = credentials;
    }

    public synchronized KmsClient get() {
        if (client == null) {
            client = TestServer.client(app, credentials);
        }
        return client;
    }

    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
