package io.kmsd.core.store;

import io.kmsd.core.key.KeyArn;
import io.kmsd.core.key.KeySpec;
import io.kmsd.core.key.KeyState;
import io.kmsd.core.key.KeyUsage;
import io.kmsd.core.key.Origin;
import java.time.Instant;
import java.util.Objects;

/**
 * One row of {@code kms_key}. {@code rowVersion} grows with every committed change to the key or to its
 * materials, tags or aliases; caches compare it to decide whether to reload. {@code currentMaterial} is
 * the material version that encrypts (null: no material, for example an EXTERNAL key before import).
 */
public record KeyRecord(KeyArn arn, Instant createdAt, String description, KeySpec keySpec, KeyUsage keyUsage,
                        Origin origin, String keyManager, boolean multiRegion, KeyState state,
                        Instant deletionDate, String policy, Integer currentMaterial, long rowVersion) {
    public KeyRecord {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(keySpec, "keySpec");
        Objects.requireNonNull(keyUsage, "keyUsage");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(keyManager, "keyManager");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(policy, "policy");
    }

    public KeyRecord withState(KeyState newState, Instant newDeletionDate) {
        return new KeyRecord(arn, createdAt, description, keySpec, keyUsage, origin, keyManager, multiRegion,
                newState, newDeletionDate, policy, currentMaterial, rowVersion);
    }

    public KeyRecord withDescription(String newDescription) {
        return new KeyRecord(arn, createdAt, newDescription, keySpec, keyUsage, origin, keyManager, multiRegion,
                state, deletionDate, policy, currentMaterial, rowVersion);
    }

    public KeyRecord withPolicy(String newPolicy) {
        return new KeyRecord(arn, createdAt, description, keySpec, keyUsage, origin, keyManager, multiRegion,
                state, deletionDate, newPolicy, currentMaterial, rowVersion);
    }

    public KeyRecord withCurrentMaterial(Integer version) {
        return new KeyRecord(arn, createdAt, description, keySpec, keyUsage, origin, keyManager, multiRegion,
                state, deletionDate, policy, version, rowVersion);
    }
}
