package io.kmsd.core;

import io.kmsd.core.key.KeyArn;
import java.time.Instant;
import java.util.Objects;

/**
 * GetParametersForImport's answer (kms-api §4.10): an opaque {@code importToken}, the wrapping key's
 * {@code publicKey} (DER SubjectPublicKeyInfo) and the time both stop working ({@code parametersValidTo}).
 */
public record ImportParameters(KeyArn key, byte[] importToken, byte[] publicKey, Instant parametersValidTo) {
    public ImportParameters {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(parametersValidTo, "parametersValidTo");
        importToken = importToken.clone();
        publicKey = publicKey.clone();
    }

    @Override
    public byte[] importToken() {
        return importToken.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public String toString() {
        return "ImportParameters[" + key + ", valid to " + parametersValidTo + "]";
    }
}
