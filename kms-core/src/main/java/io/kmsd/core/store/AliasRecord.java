package io.kmsd.core.store;

import io.kmsd.core.alias.AliasArn;
import io.kmsd.core.key.KeyId;
import java.time.Instant;
import java.util.Objects;

/** One row of {@code kms_alias}: an alias in one account and Region pointing at a key of the same. */
public record AliasRecord(AliasArn arn, KeyId target, Instant createdAt, Instant updatedAt) {
    public AliasRecord {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
