package io.kmsd.core.store;

import io.kmsd.core.key.KeyArn;
import java.time.Instant;
import java.util.Objects;

/**
 * One row of {@code kms_key_rotation}: the automatic schedule ({@code periodDays} and {@code nextRotation}
 * both null when automatic rotation is off) and how many on-demand rotations the key has had.
 */
public record RotationRecord(KeyArn arn, Integer periodDays, Instant nextRotation, int onDemandCount) {
    public RotationRecord {
        Objects.requireNonNull(arn, "arn");
        if ((periodDays == null) != (nextRotation == null) || onDemandCount < 0) {
            throw new IllegalArgumentException("period and next rotation go together; count >= 0");
        }
    }

    /** A key that never had rotation enabled. */
    public static RotationRecord none(KeyArn arn) {
        return new RotationRecord(arn, null, null, 0);
    }

    public boolean automatic() {
        return periodDays != null;
    }
}
