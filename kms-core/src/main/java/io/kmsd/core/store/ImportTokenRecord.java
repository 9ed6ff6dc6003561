package io.kmsd.core.store;

import io.kmsd.core.key.KeyArn;
import java.time.Instant;
import java.util.Objects;

/**
 * One row of {@code kms_import_token}: the wrapping key pair's private half (wrapped under the root key) that
 * the import token {@code tokenId} (32 hex) names, for {@code arn}, until {@code validTo}; the wrapping key
 * spec and algorithm by their kms-api §4.0 names.
 */
public record ImportTokenRecord(String tokenId, KeyArn arn, String wrappingKeySpec,
                                String wrappingAlgorithm, byte[] wrappedPrivateKey, Instant validTo) {
    public ImportTokenRecord {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(wrappingKeySpec, "wrappingKeySpec");
        Objects.requireNonNull(wrappingAlgorithm, "wrappingAlgorithm");
        Objects.requireNonNull(validTo, "validTo");
        if (tokenId == null || !tokenId.matches("[0-9a-f]{32}")) {
            throw new IllegalArgumentException("token id must be 32 hex digits");
        }
        wrappedPrivateKey = wrappedPrivateKey.clone();
    }

    @Override
    public byte[] wrappedPrivateKey() {
        return wrappedPrivateKey.clone();
    }

    @Override
    public String toString() {
        return "ImportTokenRecord[" + tokenId + " " + arn + " " + wrappingKeySpec + " " + wrappingAlgorithm + "]";
    }
}
