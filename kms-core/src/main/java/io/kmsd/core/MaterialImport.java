package io.kmsd.core;

import java.time.Instant;
import java.util.Objects;

/**
 * An ImportKeyMaterial request (kms-api §4.10). {@code expirationModel}: {@code KEY_MATERIAL_EXPIRES} (null
 * means this default) or {@code KEY_MATERIAL_DOES_NOT_EXPIRE}; {@code validTo} required with the first and
 * forbidden with the second. {@code importType} ({@link #NEW}, {@link #EXISTING}) and {@code keyMaterialId}
 * (only with EXISTING) may be null. The encrypted material is never printed.
 */
public record MaterialImport(byte[] importToken, byte[] encryptedKeyMaterial, String expirationModel,
                             Instant validTo, String importType, String keyMaterialId) {
    public static final String NEW = "NEW_KEY_MATERIAL";
    public static final String EXISTING = "EXISTING_KEY_MATERIAL";

    /** Without ImportType and KeyMaterialId: NEW for the first import, EXISTING afterwards. */
    public MaterialImport(byte[] importToken, byte[] encryptedKeyMaterial, String expirationModel, Instant validTo) {
        this(importToken, encryptedKeyMaterial, expirationModel, validTo, null, null);
    }

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
