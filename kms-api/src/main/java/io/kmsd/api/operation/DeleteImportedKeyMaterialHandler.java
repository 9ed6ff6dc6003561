package io.kmsd.api.operation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kmsd.api.protocol.Call;
import io.kmsd.api.wire.Shapes;
import io.kmsd.api.wire.Violations;
import io.kmsd.api.wire.WireRequest;
import io.kmsd.core.ImportedMaterial;
import io.kmsd.core.key.KeyFacts;

/**
 * DeleteImportedKeyMaterial (kms-api §4.10): EXTERNAL keys only; the key goes to PendingImport (unchanged while
 * pending deletion) and its ciphertexts stop decrypting until the same material is imported again.
 */
public final class DeleteImportedKeyMaterialHandler extends BaseHandler<DeleteImportedKeyMaterialHandler.Request> {

    public DeleteImportedKeyMaterialHandler(KeyAccess access) {
        super("DeleteImportedKeyMaterial", Request.class, access);
    }

    public record Request(@JsonProperty("KeyId") String keyId,
                          @JsonProperty("KeyMaterialId") String keyMaterialId) implements WireRequest {
        @Override
        public void validate(Violations v) {
            Shapes.keyId(v, "keyId", keyId, true);
            v.length("keyMaterialId", keyMaterialId, 64, 64)
                    .pattern("keyMaterialId", keyMaterialId, ImportKeyMaterialHandler.MATERIAL_ID);
        }
    }

    public record Response(@JsonProperty("KeyId") String keyId, @JsonProperty("KeyMaterialId") String keyMaterialId) {
    }

    @Override
    public Response handle(Call call, Request r) {
        KeyFacts key = access.authorize(call, r.keyId(), KeyAccess.Ref.ID_OR_ARN, action(), call.facts());
        ImportedMaterial done = access.keys().deleteImportedKeyMaterial(key.arn(), r.keyMaterialId());
        return new Response(key.arn().toString(), done.keyMaterialId());
    }
}
