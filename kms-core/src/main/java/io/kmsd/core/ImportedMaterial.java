package io.kmsd.core;

import io.kmsd.core.key.KeyArn;
import java.util.Objects;

/** ImportKeyMaterial's and DeleteImportedKeyMaterial's answer (kms-api §4.10): the key and the material's id. */
public record ImportedMaterial(KeyArn key, String keyMaterialId) {
    public ImportedMaterial {
        Objects.requireNonNull(key, "key");
    }
}
