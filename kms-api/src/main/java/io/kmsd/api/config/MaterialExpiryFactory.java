package io.kmsd.api.config;

import io.kmsd.api.lifecycle.MaterialExpiryJob;
import io.kmsd.core.KeyService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * {@code kms.materialExpiry}: how often the job deleting imported key material past its ValidTo runs
 * ({@code checkInterval}, default 1 minute; kms-api §4.10).
 */
public class MaterialExpiryFactory extends JobFactory {

    public MaterialExpiryJob build(KeyService keys, ScheduledExecutorService executor) {
        return new MaterialExpiryJob(keys, executor, interval());
    }
}
