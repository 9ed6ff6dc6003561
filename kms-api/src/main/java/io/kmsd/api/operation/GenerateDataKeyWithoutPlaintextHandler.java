package io.kmsd.api.operation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kmsd.api.protocol.Call;
import io.kmsd.api.wire.Blob;
import io.kmsd.core.DataKey;
import io.kmsd.core.key.KeyOperation;

/** GenerateDataKeyWithoutPlaintext (kms-api §4.5): as GenerateDataKey, the plaintext is dropped at once. */
public final class GenerateDataKeyWithoutPlaintextHandler extends BaseHandler<DataKeyRequest> {

    public GenerateDataKeyWithoutPlaintextHandler(KeyAccess access) {
        super("GenerateDataKeyWithoutPlaintext", DataKeyRequest.class, access);
    }

    public record Response(@JsonProperty("CiphertextBlob") Blob ciphertextBlob, @JsonProperty("KeyId") String keyId,
                           @JsonProperty("KeyMaterialId") String keyMaterialId) {
    }

    @Override
    public Response handle(Call call, DataKeyRequest r) {
        DataKey key = DataKeys.generate(access, call, r, KeyOperation.GenerateDataKeyWithoutPlaintext, action());
        key.plaintext().destroy();
        return new Response(Blob.adopt(key.ciphertextBlob()), key.key().toString(), key.keyMaterialId());
    }
}
