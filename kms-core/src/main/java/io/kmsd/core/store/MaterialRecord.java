package io.kmsd.core.store;

import io.kmsd.core.key.KeyArn;
import java.time.Instant;
import java.util.Objects;

/** One row of {@code kms_key_material}: material wrapped under the root key, never the raw bytes. */
public record MaterialRecord(KeyArn arn, int version, String materialId, byte[] wrapped, Instant createdAt) {
    public MaterialRecord {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(wrapped, "wrapped");
        Objects.requireNonNull(createdAt, "createdAt");
        if (version < 1 || materialId == null || !materialId.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("material needs a version >= 1 and a 64-hex id");
        }
        wrapped = wrapped.clone();
    }

    @Override
    public byte[] wrapped() {
        return wrapped.clone();
    }

    @Override
    public String toString() {
        return "MaterialRecord[" + arn + " v" + version + " " + materialId + "]";
    }
}
