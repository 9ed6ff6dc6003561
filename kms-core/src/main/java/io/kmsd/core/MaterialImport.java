package io.kmsd.core;

import java.time.Instant;
import java.util.Objects;

/**
 * An ImportKeyMaterial request (kms-api §4.10). {@code expirationModel}: {@code KEY_MATERIAL_EXPIRES} (null
 * means this default) or {@code KEY_MATERIAL_DOES_NOT_EXPIRE}; {@code validTo} required with the first and
 * forbidden with the second. The encrypted material is never printed.
 */
public record MaterialImport(byte[] importToken, byte[] encryptedKeyMaterial, String expirationModel,
                             Instant validTo) {
    public MaterialImport {
        importToken = Objects.requireNonNull(importToken, "importToken").clone();
        encryptedKeyMaterial = Objects.requireNonNull(encryptedKeyMaterial, "encryptedKeyMaterial").clone();
    }

    @Override
    public byte[] importToken() {
        return importToken.clone();
    }

    @Override
    public byte[] encryptedKeyMaterial() {
        return encryptedKeyMaterial.clone();
    }

    @Override
    public String toString() {
        return "MaterialImport[" + encryptedKeyMaterial.length + " bytes, " + expirationModel + ", " + validTo + "]";
    }
}
