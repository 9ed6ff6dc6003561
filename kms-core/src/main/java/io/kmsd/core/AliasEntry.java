package io.kmsd.core;

import io.kmsd.core.alias.AliasArn;
import io.kmsd.core.key.KeyId;
import java.time.Instant;
import java.util.Objects;

/** One ListAliases entry (kms-api §4.2). */
public record AliasEntry(AliasArn arn, KeyId target, Instant created, Instant lastUpdated) {
    public AliasEntry {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(lastUpdated, "lastUpdated");
    }
}
