package io.kmsd.api.operation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kmsd.api.protocol.Call;
import io.kmsd.api.wire.Blob;
import io.kmsd.core.GeneratedKeyPair;
import io.kmsd.core.key.KeyOperation;

/**
 * GenerateDataKeyPair (kms-api §4.5): a fresh key pair — SPKI public key, PKCS#8 private key, and that private
 * key encrypted under the symmetric KMS key (Decrypt returns exactly the PKCS#8 bytes).
 */
public final class GenerateDataKeyPairHandler extends BaseHandler<DataKeyPairRequest> {

    public GenerateDataKeyPairHandler(KeyAccess access) {
        super("GenerateDataKeyPair", DataKeyPairRequest.class, access);
    }

    public record Response(@JsonProperty("PrivateKeyCiphertextBlob") Blob privateKeyCiphertextBlob,
                           @JsonProperty("PrivateKeyPlaintext") Blob privateKeyPlaintext,
                           @JsonProperty("PublicKey") Blob publicKey, @JsonProperty("KeyId") String keyId,
                           @JsonProperty("KeyPairSpec") String keyPairSpec,
                           @JsonProperty("KeyMaterialId") String keyMaterialId) {
    }

    @Override
    public Response handle(Call call, DataKeyPairRequest r) {
        DryRuns.refuseRecipient(r.recipient());
        GeneratedKeyPair pair = DataKeyPairs.generate(access, call, r, KeyOperation.GenerateDataKeyPair, action());
        try {
            return new Response(Blob.adopt(pair.privateKeyCiphertextBlob()),
                    Blob.adopt(pair.privateKeyPlaintext().bytes()), Blob.adopt(pair.publicKey()),
                    pair.key().toString(), pair.keyPairSpec().name(), pair.keyMaterialId());
        } finally {
            pair.privateKeyPlaintext().destroy();
        }
    }
}
