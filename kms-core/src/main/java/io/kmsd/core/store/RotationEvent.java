package io.kmsd.core.store;

import java.time.Instant;
import java.util.Objects;

/** One row of {@code kms_key_rotation_event}: material {@code version} became current at {@code rotatedAt}. */
public record RotationEvent(int version, String rotationType, Instant rotatedAt) {
    public static final String AUTOMATIC = "AUTOMATIC";
    public static final String ON_DEMAND = "ON_DEMAND";

    public RotationEvent {
        Objects.requireNonNull(rotatedAt, "rotatedAt");
        if (!AUTOMATIC.equals(rotationType) && !ON_DEMAND.equals(rotationType)) {
            throw new IllegalArgumentException("rotation type AUTOMATIC or ON_DEMAND");
        }
    }
}
