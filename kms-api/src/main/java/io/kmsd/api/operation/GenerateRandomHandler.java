package io.kmsd.api.operation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kmsd.api.protocol.Call;
import io.kmsd.api.wire.Blob;
import io.kmsd.api.wire.Shapes;
import io.kmsd.api.wire.Violations;
import io.kmsd.api.wire.WireRecipient;
import io.kmsd.api.wire.WireRequest;
import io.kmsd.core.crypto.Plaintext;
import io.kmsd.core.error.KmsError;
import io.kmsd.core.error.KmsException;

/** GenerateRandom (kms-api §4.5): IAM-only; {@code NumberOfBytes} 1–1024 and required (its own message). */
public final class GenerateRandomHandler extends BaseHandler<GenerateRandomHandler.Request> {

    public GenerateRandomHandler(KeyAccess access) {
        super("GenerateRandom", Request.class, access);
    }

    public record Request(@JsonProperty("NumberOfBytes") Integer numberOfBytes,
                          @JsonProperty("CustomKeyStoreId") String customKeyStoreId,
                          @JsonProperty("Recipient") WireRecipient recipient) implements WireRequest {
        @Override
        public void validate(Violations v) {
            v.range("numberOfBytes", numberOfBytes, 1, Shapes.MAX_NUMBER_OF_BYTES);
            v.length("customKeyStoreId", customKeyStoreId, 1, 64);
            if (recipient != null) {
                recipient.validate(v);
            }
        }
    }

    public record Response(@JsonProperty("Plaintext") Blob plaintext) {
    }

    @Override
    public Response handle(Call call, Request r) {
        if (r.numberOfBytes() == null) {
            throw KmsException.validation("NumberOfBytes is required."); // kms-api §4.5
        }
        DryRuns.refuseRecipient(r.recipient());
        if (r.customKeyStoreId() != null) { // kms-api §4.11 phase 1: no custom key stores
            throw new KmsException(KmsError.CustomKeyStoreNotFound,
                    "Custom key store " + r.customKeyStoreId() + " does not exist.");
        }
        access.authorizeIamOnly(call, action(), call.facts());
        Plaintext random = access.keys().generateRandom(r.numberOfBytes());
        try {
            return new Response(Blob.adopt(random.bytes()));
        } finally {
            random.destroy();
        }
    }
}
