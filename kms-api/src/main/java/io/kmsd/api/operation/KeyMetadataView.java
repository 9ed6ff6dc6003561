package io.kmsd.api.operation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kmsd.core.key.KeyMetadata;
import io.kmsd.core.key.KeySpec;
import io.kmsd.core.key.KeyUsage;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The {@code KeyMetadata} structure of kms-api §3.1 on the wire: only the algorithm list matching the key's
 * usage, {@code CustomerMasterKeySpec} as the deprecated copy of {@code KeySpec} (absent for specs its enum
 * lacks), {@code DeletionDate} only while pending deletion, {@code ExpirationModel}/{@code ValidTo} only for
 * imported material.
 */
public record KeyMetadataView(
        @JsonProperty("AWSAccountId") String awsAccountId,
        @JsonProperty("KeyId") String keyId,
        @JsonProperty("Arn") String arn,
        @JsonProperty("CreationDate") Instant creationDate,
        @JsonProperty("Enabled") boolean enabled,
        @JsonProperty("Description") String description,
        @JsonProperty("KeyUsage") String keyUsage,
        @JsonProperty("KeyState") String keyState,
        @JsonProperty("DeletionDate") Instant deletionDate,
        @JsonProperty("Origin") String origin,
        @JsonProperty("KeyManager") String keyManager,
        @JsonProperty("CustomerMasterKeySpec") String customerMasterKeySpec,
        @JsonProperty("KeySpec") String keySpec,
        @JsonProperty("EncryptionAlgorithms") List<String> encryptionAlgorithms,
        @JsonProperty("SigningAlgorithms") List<String> signingAlgorithms,
        @JsonProperty("KeyAgreementAlgorithms") List<String> keyAgreementAlgorithms,
        @JsonProperty("MacAlgorithms") List<String> macAlgorithms,
        @JsonProperty("MultiRegion") boolean multiRegion,
        @JsonProperty("CurrentKeyMaterialId") String currentKeyMaterialId,
        @JsonProperty("ExpirationModel") String expirationModel,
        @JsonProperty("ValidTo") Instant validTo) {

    /** Specs the deprecated CustomerMasterKeySpec enum does not have (kms-api §3.1). */
    private static final Set<KeySpec> NO_CMK_SPEC =
            Set.of(KeySpec.ML_DSA_44, KeySpec.ML_DSA_65, KeySpec.ML_DSA_87, KeySpec.ECC_NIST_EDWARDS25519);

    public static KeyMetadataView of(KeyMetadata m) {
        KeyUsage usage = m.keyUsage();
        return new KeyMetadataView(m.accountId().value(), m.keyId().value(), m.arn().toString(), m.creationDate(),
                m.enabled(), m.description(), usage.name(), m.keyState().name(), m.deletionDate(), m.origin().name(),
                m.keyManager(), NO_CMK_SPEC.contains(m.keySpec()) ? null : m.keySpec().name(), m.keySpec().name(),
                algorithms(m, KeyUsage.ENCRYPT_DECRYPT), algorithms(m, KeyUsage.SIGN_VERIFY),
                algorithms(m, KeyUsage.KEY_AGREEMENT), algorithms(m, KeyUsage.GENERATE_VERIFY_MAC),
                m.multiRegion(), m.currentKeyMaterialId(), m.expirationModel(), m.validTo());
    }

    private static List<String> algorithms(KeyMetadata m, KeyUsage list) {
        if (m.keyUsage() != list) {
            return null;
        }
        return list == KeyUsage.ENCRYPT_DECRYPT && !m.encryptionAlgorithms().isEmpty() ? m.encryptionAlgorithms()
                : m.keySpec().algorithmsFor(list);
    }
}
