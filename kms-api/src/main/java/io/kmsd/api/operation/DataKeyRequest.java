package io.kmsd.api.operation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kmsd.api.wire.Shapes;
import io.kmsd.api.wire.Violations;
import io.kmsd.api.wire.WireRecipient;
import io.kmsd.api.wire.WireRequest;
import io.kmsd.core.error.KmsException;
import java.util.List;
import java.util.Map;

/** GenerateDataKey and GenerateDataKeyWithoutPlaintext (kms-api §4.5); only the former reads {@code Recipient}. */
public record DataKeyRequest(@JsonProperty("KeyId") String keyId,
                             @JsonProperty("EncryptionContext") Map<String, String> encryptionContext,
                             @JsonProperty("NumberOfBytes") Integer numberOfBytes,
                             @JsonProperty("KeySpec") String keySpec,
                             @JsonProperty("GrantTokens") List<String> grantTokens,
                             @JsonProperty("Recipient") WireRecipient recipient,
                             @JsonProperty("DryRun") Boolean dryRun) implements WireRequest {
    @Override
    public void validate(Violations v) {
        Shapes.keyId(v, "keyId", keyId, true);
        v.range("numberOfBytes", numberOfBytes, 1, Shapes.MAX_NUMBER_OF_BYTES);
        v.oneOf("keySpec", keySpec, Shapes.DATA_KEY_SPEC);
        Shapes.grantTokens(v, grantTokens);
        if (recipient != null) {
            recipient.validate(v);
        }
    }

    /** Exactly one of KeySpec ({@code AES_256} = 32 B, {@code AES_128} = 16 B) and NumberOfBytes (§4.5). */
    int length() {
        if ((keySpec == null) == (numberOfBytes == null)) {
            throw KmsException.validation("Please specify either number of bytes or key spec.");
        }
        return numberOfBytes != null ? numberOfBytes : keySpec.equals("AES_128") ? 16 : 32;
    }
}
