package io.kmsd.api.operation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kmsd.api.protocol.Call;
import io.kmsd.api.wire.Blob;
import io.kmsd.core.DataKey;
import io.kmsd.core.key.KeyOperation;

/** GenerateDataKey (kms-api §4.5): random bytes and their Encrypt-format ciphertext. */
public final class GenerateDataKeyHandler extends BaseHandler<DataKeyRequest> {

    public GenerateDataKeyHandler(KeyAccess access) {
        super("GenerateDataKey", DataKeyRequest.class, access);
    }

    public record Response(@JsonProperty("CiphertextBlob") Blob ciphertextBlob, @JsonProperty("Plaintext") Blob plaintext,
                           @JsonProperty("KeyId") String keyId, @JsonProperty("KeyMaterialId") String keyMaterialId) {
    }

    @Override
    public Response handle(Call call, DataKeyRequest r) {
        DryRuns.refuseRecipient(r.recipient());
        DataKey key = DataKeys.generate(access, call, r, KeyOperation.GenerateDataKey, action());
        try {
            return new Response(Blob.adopt(key.ciphertextBlob()), Blob.adopt(key.plaintext().bytes()),
                    key.key().toString(), key.keyMaterialId());
        } finally {
            key.plaintext().destroy();
        }
    }
}
