package io.kmsd.api.operation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kmsd.api.wire.Shapes;
import io.kmsd.api.wire.Violations;
import io.kmsd.api.wire.WireRecipient;
import io.kmsd.api.wire.WireRequest;
import java.util.List;
import java.util.Map;

/** GenerateDataKeyPair and GenerateDataKeyPairWithoutPlaintext (kms-api §4.5); only the former reads Recipient. */
public record DataKeyPairRequest(@JsonProperty("EncryptionContext") Map<String, String> encryptionContext,
                                 @JsonProperty("KeyId") String keyId,
                                 @JsonProperty("KeyPairSpec") String keyPairSpec,
                                 @JsonProperty("GrantTokens") List<String> grantTokens,
                                 @JsonProperty("Recipient") WireRecipient recipient,
                                 @JsonProperty("DryRun") Boolean dryRun) implements WireRequest {
    @Override
    public void validate(Violations v) {
        Shapes.keyId(v, "keyId", keyId, true);
        Shapes.requiredOneOf(v, "keyPairSpec", keyPairSpec, Shapes.DATA_KEY_PAIR_SPEC);
        Shapes.grantTokens(v, grantTokens);
        if (recipient != null) {
            recipient.validate(v);
        }
    }
}
