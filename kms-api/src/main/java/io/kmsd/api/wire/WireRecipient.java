package io.kmsd.api.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code Recipient} structure (Nitro Enclaves attestation, kms-api §4.0). Checked against the model, then
 * refused by the operations: this server has no enclaves to attest (kms-api §7).
 */
public record WireRecipient(@JsonProperty("KeyEncryptionAlgorithm") String keyEncryptionAlgorithm,
                            @JsonProperty("AttestationDocument") Blob attestationDocument) {

    public void validate(Violations v) {
        v.oneOf("recipient.keyEncryptionAlgorithm", keyEncryptionAlgorithm, Shapes.KEY_ENCRYPTION_MECHANISM);
        v.length("recipient.attestationDocument", attestationDocument, 1, 262144, false);
    }
}
