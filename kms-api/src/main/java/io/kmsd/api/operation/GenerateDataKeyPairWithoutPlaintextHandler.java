package io.kmsd.api.operation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kmsd.api.protocol.Call;
import io.kmsd.api.wire.Blob;
import io.kmsd.core.GeneratedKeyPair;
import io.kmsd.core.key.KeyOperation;

/** GenerateDataKeyPairWithoutPlaintext (kms-api §4.5): as GenerateDataKeyPair; the private key is dropped at once. */
public final class GenerateDataKeyPairWithoutPlaintextHandler extends BaseHandler<DataKeyPairRequest> {

    public GenerateDataKeyPairWithoutPlaintextHandler(KeyAccess access) {
        super("GenerateDataKeyPairWithoutPlaintext", DataKeyPairRequest.class, access);
    }

    public record Response(@JsonProperty("PrivateKeyCiphertextBlob") Blob privateKeyCiphertextBlob,
                           @JsonProperty("PublicKey") Blob publicKey, @JsonProperty("KeyId") String keyId,
                           @JsonProperty("KeyPairSpec") String keyPairSpec,
                           @JsonProperty("KeyMaterialId") String keyMaterialId) {
    }

    @Override
    public Response handle(Call call, DataKeyPairRequest r) {
        GeneratedKeyPair pair = DataKeyPairs.generate(access, call, r,
                KeyOperation.GenerateDataKeyPairWithoutPlaintext, action());
        pair.privateKeyPlaintext().destroy();
        return new Response(Blob.adopt(pair.privateKeyCiphertextBlob()), Blob.adopt(pair.publicKey()),
                pair.key().toString(), pair.keyPairSpec().name(), pair.keyMaterialId());
    }
}
