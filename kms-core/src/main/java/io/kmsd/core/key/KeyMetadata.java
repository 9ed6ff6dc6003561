package io.kmsd.core.key;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The KeyMetadata of kms-api §3.1 as far as this project's keys have it. {@code deletionDate} is set
 * only in state PendingDeletion; {@code currentKeyMaterialId} (64 hex) only for symmetric keys with material;
 * {@code expirationModel} only for EXTERNAL keys with imported material, {@code validTo} only when it expires.
 */
public record KeyMetadata(
        AccountId accountId,
        KeyId keyId,
        KeyArn arn,
        Instant creationDate,
        boolean enabled,
        String description,
        KeyUsage keyUsage,
        KeyState keyState,
        Origin origin,
        String keyManager,
        KeySpec keySpec,
        boolean multiRegion,
        Instant deletionDate,
        List<String> encryptionAlgorithms,
        String currentKeyMaterialId,
        String expirationModel,
        Instant validTo) {

    public static final String CUSTOMER = "CUSTOMER";

    /** A key without imported material: no {@code ExpirationModel}, no {@code ValidTo}. */
    public KeyMetadata(AccountId accountId, KeyId keyId, KeyArn arn, Instant creationDate, boolean enabled,
                       String description, KeyUsage keyUsage, KeyState keyState, Origin origin, String keyManager,
                       KeySpec keySpec, boolean multiRegion, Instant deletionDate, List<String> encryptionAlgorithms,
                       String currentKeyMaterialId) {
        this(accountId, keyId, arn, creationDate, enabled, description, keyUsage, keyState, origin, keyManager,
                keySpec, multiRegion, deletionDate, encryptionAlgorithms, currentKeyMaterialId, null, null);
    }

    public KeyMetadata {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(creationDate, "creationDate");
        Objects.requireNonNull(keyUsage, "keyUsage");
        Objects.requireNonNull(keyState, "keyState");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(keySpec, "keySpec");
        Objects.requireNonNull(keyManager, "keyManager");
        if (!arn.account().equals(accountId) || !arn.keyId().equals(keyId)) {
            throw new IllegalArgumentException("account and key id must be those of the ARN");
        }
        if (enabled != (keyState == KeyState.Enabled)) {
            throw new IllegalArgumentException("enabled must be true exactly in state Enabled"); // §3.1
        }
        if ((deletionDate != null) != (keyState == KeyState.PendingDeletion)) {
            throw new IllegalArgumentException("deletionDate exactly in state PendingDeletion"); // §3.1
        }
        if (currentKeyMaterialId != null && !currentKeyMaterialId.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("key material id must be 64 lowercase hex digits");
        }
        if (validTo != null && !"KEY_MATERIAL_EXPIRES".equals(expirationModel)) {
            throw new IllegalArgumentException("validTo only with KEY_MATERIAL_EXPIRES"); // §3.1
        }
        description = description == null ? "" : description;
        encryptionAlgorithms = encryptionAlgorithms == null ? List.of() : List.copyOf(encryptionAlgorithms);
    }

    public Region region() {
        return arn.region();
    }

    /** kms-api §3.1: only the algorithm list matching the key's usage is present; the others are empty. */
    public List<String> signingAlgorithms() {
        return listFor(KeyUsage.SIGN_VERIFY);
    }

    public List<String> macAlgorithms() {
        return listFor(KeyUsage.GENERATE_VERIFY_MAC);
    }

    public List<String> keyAgreementAlgorithms() {
        return listFor(KeyUsage.KEY_AGREEMENT);
    }

    /** kms-api §3.1: the deprecated copy of KeySpec; null for ML_DSA_* and ECC_NIST_EDWARDS25519. */
    public String customerMasterKeySpec() {
        return keySpec.hasCustomerMasterKeySpec() ? keySpec.name() : null;
    }

    private List<String> listFor(KeyUsage usage) {
        return keyUsage == usage ? keySpec.algorithmsFor(usage) : List.of();
    }
}
