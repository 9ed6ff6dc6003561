package io.kmsd.core;

import io.kmsd.core.key.KeyArn;
import java.time.Instant;

/**
 * One entry of ListKeyRotations (kms-api §4.7): a material of the key, {@code CURRENT} or {@code NON_CURRENT};
 * {@code rotationDate} and {@code rotationType} ({@code AUTOMATIC} / {@code ON_DEMAND}) are null for the first
 * material, which only {@code ALL_KEY_MATERIAL} lists.
 */
public record KeyRotation(KeyArn key, String keyMaterialId, String keyMaterialState, Instant rotationDate,
                          String rotationType) {
}
