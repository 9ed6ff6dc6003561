package io.kmsd.api.operation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kmsd.api.authz.OperationFacts;
import io.kmsd.api.protocol.Call;
import io.kmsd.api.wire.Blob;
import io.kmsd.api.wire.Shapes;
import io.kmsd.api.wire.Violations;
import io.kmsd.api.wire.WireRequest;
import io.kmsd.core.ImportedMaterial;
import io.kmsd.core.MaterialImport;
import io.kmsd.core.error.KmsException;
import io.kmsd.core.key.KeyFacts;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * ImportKeyMaterial (kms-api §4.10): the token and wrapped material from GetParametersForImport; the
 * ExpirationModel/ValidTo rules, token checks, unwrap and binding are core's. An EXTERNAL key holds one material
 * only (no imported-material rotation): any import must carry the material bound to the key, {@code KeyMaterialId}
 * (with EXISTING_KEY_MATERIAL only) must name it; {@code KeyMaterialDescription} is validated, not stored.
 */
public final class ImportKeyMaterialHandler extends BaseHandler<ImportKeyMaterialHandler.Request> {
    static final List<String> EXPIRATION_MODELS = List.of("KEY_MATERIAL_EXPIRES", "KEY_MATERIAL_DOES_NOT_EXPIRE");
    static final List<String> IMPORT_TYPES = List.of("NEW_KEY_MATERIAL", "EXISTING_KEY_MATERIAL");
    static final Pattern DESCRIPTION = Pattern.compile("^[a-zA-Z0-9:/_\\s.-]+$");
    static final Pattern MATERIAL_ID = Pattern.compile("^[a-f0-9]+$");

    public ImportKeyMaterialHandler(KeyAccess access) {
        super("ImportKeyMaterial", Request.class, access);
    }

    public record Request(@JsonProperty("KeyId") String keyId, @JsonProperty("ImportToken") Blob importToken,
                          @JsonProperty("EncryptedKeyMaterial") Blob encryptedKeyMaterial,
                          @JsonProperty("ValidTo") Instant validTo,
                          @JsonProperty("ExpirationModel") String expirationModel,
                          @JsonProperty("ImportType") String importType,
                          @JsonProperty("KeyMaterialDescription") String keyMaterialDescription,
                          @JsonProperty("KeyMaterialId") String keyMaterialId) implements WireRequest {
        @Override
        public void validate(Violations v) {
            Shapes.keyId(v, "keyId", keyId, true);
            v.required("importToken", importToken).length("importToken", importToken, 1, 6144, false);
            v.required("encryptedKeyMaterial", encryptedKeyMaterial)
                    .length("encryptedKeyMaterial", encryptedKeyMaterial, 1, 6144, true);
            v.oneOf("expirationModel", expirationModel, EXPIRATION_MODELS);
            v.oneOf("importType", importType, IMPORT_TYPES);
            v.length("keyMaterialDescription", keyMaterialDescription, 0, 256)
                    .pattern("keyMaterialDescription", keyMaterialDescription, DESCRIPTION);
            v.length("keyMaterialId", keyMaterialId, 64, 64).pattern("keyMaterialId", keyMaterialId, MATERIAL_ID);
        }

        /** kms-api §4.10: {@code KeyMaterialId} only with EXISTING_KEY_MATERIAL. */
        void checkMaterialId() {
            if (keyMaterialId != null && !MaterialImport.EXISTING.equals(importType)) {
                throw KmsException.validation("KeyMaterialId can only be specified with ImportType "
                        + "EXISTING_KEY_MATERIAL.");
            }
        }
    }

    public record Response(@JsonProperty("KeyId") String keyId, @JsonProperty("KeyMaterialId") String keyMaterialId) {
    }

    @Override
    public Response handle(Call call, Request r) {
        r.checkMaterialId();
        KeyFacts key = access.authorize(call, r.keyId(), KeyAccess.Ref.ID_OR_ARN, action(), call.facts()
                .with(new OperationFacts.MaterialImport(r.expirationModel(), r.validTo())));
        ImportedMaterial done = access.keys().importKeyMaterial(key.arn(), new MaterialImport(
                r.importToken().unsafeBytes(), r.encryptedKeyMaterial().unsafeBytes(), r.expirationModel(),
                r.validTo(), r.importType(), r.keyMaterialId()));
        return new Response(key.arn().toString(), done.keyMaterialId());
    }
}
