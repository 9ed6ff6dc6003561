package io.kmsd.api.lifecycle;

import io.kmsd.core.KeyService;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Deletes imported key material whose {@code ValidTo} has passed; its key goes to PendingImport (kms-api §4.10;
 * core's {@code expireImportedMaterial}).
 */
public final class MaterialExpiryJob extends PeriodicJob {

    public MaterialExpiryJob(KeyService keys, ScheduledExecutorService executor, Duration interval) {
        super(keys::expireImportedMaterial, "key(s) lost imported material past its ValidTo", executor, interval);
    }
}
