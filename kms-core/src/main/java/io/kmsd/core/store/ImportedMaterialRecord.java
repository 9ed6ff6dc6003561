package io.kmsd.core.store;

import io.kmsd.core.key.KeyArn;
import java.time.Instant;
import java.util.Objects;

/**
 * One row of {@code kms_imported_material}: the material id an EXTERNAL key is bound to (kept after the
 * material is deleted), and while the material is imported its {@code expirationModel}
 * ({@code KEY_MATERIAL_EXPIRES} / {@code KEY_MATERIAL_DOES_NOT_EXPIRE}) and {@code validTo} (expiring only).
 */
public record ImportedMaterialRecord(KeyArn arn, String materialId, String expirationModel, Instant validTo) {
    public static final String EXPIRES = "KEY_MATERIAL_EXPIRES";
    public static final String DOES_NOT_EXPIRE = "KEY_MATERIAL_DOES_NOT_EXPIRE";

    public ImportedMaterialRecord {
        Objects.requireNonNull(arn, "arn");
        if (materialId == null || !materialId.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("material id must be 64 hex digits");
        }
        if (expirationModel != null && !EXPIRES.equals(expirationModel) && !DOES_NOT_EXPIRE.equals(expirationModel)
                || (validTo != null) != EXPIRES.equals(expirationModel)) {
            throw new IllegalArgumentException("validTo exactly with KEY_MATERIAL_EXPIRES");
        }
    }

    /** The same binding with no material imported (deleted or expired). */
    public ImportedMaterialRecord withoutMaterial() {
        return new ImportedMaterialRecord(arn, materialId, null, null);
    }
}
