package io.kmsd.core;

import io.kmsd.core.key.KeyArn;
import java.time.Instant;

/**
 * GetKeyRotationStatus (kms-api §4.7): {@code rotationPeriodInDays} and {@code nextRotationDate} only when
 * enabled; {@code onDemandRotationStartDate} only while an on-demand rotation runs (ours complete within the
 * call, so it is always null).
 */
public record RotationStatus(KeyArn key, boolean keyRotationEnabled, Integer rotationPeriodInDays,
                             Instant nextRotationDate, Instant onDemandRotationStartDate) {
}
