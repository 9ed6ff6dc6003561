package io.kmsd.audit;

/**
 * Every response element an audit event may carry: key ids, key state changes, algorithm names and
 * verification results. Closed on purpose: there is no member for a plaintext, ciphertext,
 * signature, MAC, shared secret, public or private key, import token or grant token.
 */
public enum ResponseElement implements FieldKey {
    KEY_ID("keyId", ValueKind.TEXT),
    SOURCE_KEY_ID("sourceKeyId", ValueKind.TEXT),
    KEY_ARN("keyArn", ValueKind.TEXT),
    PREVIOUS_KEY_STATE("previousKeyState", ValueKind.TEXT),
    KEY_STATE("keyState", ValueKind.TEXT),
    KEY_SPEC("keySpec", ValueKind.TEXT),
    KEY_USAGE("keyUsage", ValueKind.TEXT),
    ORIGIN("origin", ValueKind.TEXT),
    MULTI_REGION("multiRegion", ValueKind.FLAG),
    CREATION_DATE("creationDate", ValueKind.TIME),
    DELETION_DATE("deletionDate", ValueKind.TIME),
    PENDING_WINDOW_IN_DAYS("pendingWindowInDays", ValueKind.NUMBER),
    KEY_ROTATION_ENABLED("keyRotationEnabled", ValueKind.FLAG),
    ROTATION_PERIOD_IN_DAYS("rotationPeriodInDays", ValueKind.NUMBER),
    KEY_MATERIAL_ID("keyMaterialId", ValueKind.TEXT),
    SOURCE_KEY_MATERIAL_ID("sourceKeyMaterialId", ValueKind.TEXT),
    DESTINATION_KEY_MATERIAL_ID("destinationKeyMaterialId", ValueKind.TEXT),
    ENCRYPTION_ALGORITHM("encryptionAlgorithm", ValueKind.TEXT),
    SOURCE_ENCRYPTION_ALGORITHM("sourceEncryptionAlgorithm", ValueKind.TEXT),
    DESTINATION_ENCRYPTION_ALGORITHM("destinationEncryptionAlgorithm", ValueKind.TEXT),
    SIGNING_ALGORITHM("signingAlgorithm", ValueKind.TEXT),
    MAC_ALGORITHM("macAlgorithm", ValueKind.TEXT),
    KEY_AGREEMENT_ALGORITHM("keyAgreementAlgorithm", ValueKind.TEXT),
    KEY_PAIR_SPEC("keyPairSpec", ValueKind.TEXT),
    SIGNATURE_VALID("signatureValid", ValueKind.FLAG),
    MAC_VALID("macValid", ValueKind.FLAG),
    GRANT_ID("grantId", ValueKind.TEXT),
    ALIAS_NAME("aliasName", ValueKind.TEXT);

    private final String jsonName;
    private final ValueKind kind;

    ResponseElement(String jsonName, ValueKind kind) {
        this.jsonName = jsonName;
        this.kind = kind;
    }

    @Override
    public String jsonName() {
        return jsonName;
    }

    @Override
    public ValueKind kind() {
        return kind;
    }
}
