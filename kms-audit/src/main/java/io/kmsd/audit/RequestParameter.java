package io.kmsd.audit;

/**
 * Every request parameter an audit event may carry: identifiers, encryption contexts, algorithm and
 * spec names, grant tokens and settings. The list is closed on purpose: there is no member for
 * Plaintext, CiphertextBlob, Message, Signature, Mac, PublicKey, EncryptedKeyMaterial, ImportToken,
 * Policy or any other payload, so none can reach the trail.
 */
public enum RequestParameter implements FieldKey {
    KEY_ID("keyId", ValueKind.TEXT),
    SOURCE_KEY_ID("sourceKeyId", ValueKind.TEXT),
    DESTINATION_KEY_ID("destinationKeyId", ValueKind.TEXT),
    TARGET_KEY_ID("targetKeyId", ValueKind.TEXT),
    ALIAS_NAME("aliasName", ValueKind.TEXT),
    ENCRYPTION_CONTEXT("encryptionContext", ValueKind.MAP),
    SOURCE_ENCRYPTION_CONTEXT("sourceEncryptionContext", ValueKind.MAP),
    DESTINATION_ENCRYPTION_CONTEXT("destinationEncryptionContext", ValueKind.MAP),
    ENCRYPTION_ALGORITHM("encryptionAlgorithm", ValueKind.TEXT),
    SOURCE_ENCRYPTION_ALGORITHM("sourceEncryptionAlgorithm", ValueKind.TEXT),
    DESTINATION_ENCRYPTION_ALGORITHM("destinationEncryptionAlgorithm", ValueKind.TEXT),
    SIGNING_ALGORITHM("signingAlgorithm", ValueKind.TEXT),
    MAC_ALGORITHM("macAlgorithm", ValueKind.TEXT),
    KEY_AGREEMENT_ALGORITHM("keyAgreementAlgorithm", ValueKind.TEXT),
    MESSAGE_TYPE("messageType", ValueKind.TEXT),
    KEY_SPEC("keySpec", ValueKind.TEXT),
    CUSTOMER_MASTER_KEY_SPEC("customerMasterKeySpec", ValueKind.TEXT),
    KEY_USAGE("keyUsage", ValueKind.TEXT),
    KEY_PAIR_SPEC("keyPairSpec", ValueKind.TEXT),
    ORIGIN("origin", ValueKind.TEXT),
    CUSTOM_KEY_STORE_ID("customKeyStoreId", ValueKind.TEXT),
    MULTI_REGION("multiRegion", ValueKind.FLAG),
    NUMBER_OF_BYTES("numberOfBytes", ValueKind.NUMBER),
    DESCRIPTION("description", ValueKind.TEXT),
    POLICY_NAME("policyName", ValueKind.TEXT),
    BYPASS_POLICY_LOCKOUT_SAFETY_CHECK("bypassPolicyLockoutSafetyCheck", ValueKind.FLAG),
    TAG_KEYS("tagKeys", ValueKind.LIST),
    GRANT_TOKENS("grantTokens", ValueKind.LIST),
    GRANT_ID("grantId", ValueKind.TEXT),
    GRANT_NAME("name", ValueKind.TEXT),
    GRANTEE_PRINCIPAL("granteePrincipal", ValueKind.TEXT),
    RETIRING_PRINCIPAL("retiringPrincipal", ValueKind.TEXT),
    OPERATIONS("operations", ValueKind.LIST),
    ENCRYPTION_CONTEXT_SUBSET("encryptionContextSubset", ValueKind.MAP),
    ENCRYPTION_CONTEXT_EQUALS("encryptionContextEquals", ValueKind.MAP),
    PENDING_WINDOW_IN_DAYS("pendingWindowInDays", ValueKind.NUMBER),
    ROTATION_PERIOD_IN_DAYS("rotationPeriodInDays", ValueKind.NUMBER),
    INCLUDE_KEY_MATERIAL("includeKeyMaterial", ValueKind.TEXT),
    WRAPPING_ALGORITHM("wrappingAlgorithm", ValueKind.TEXT),
    WRAPPING_KEY_SPEC("wrappingKeySpec", ValueKind.TEXT),
    EXPIRATION_MODEL("expirationModel", ValueKind.TEXT),
    IMPORT_TYPE("importType", ValueKind.TEXT),
    VALID_TO("validTo", ValueKind.TIME),
    KEY_MATERIAL_ID("keyMaterialId", ValueKind.TEXT),
    REPLICA_REGION("replicaRegion", ValueKind.TEXT),
    PRIMARY_REGION("primaryRegion", ValueKind.TEXT),
    LIMIT("limit", ValueKind.NUMBER),
    DRY_RUN("dryRun", ValueKind.FLAG),
    DRY_RUN_MODIFIERS("dryRunModifiers", ValueKind.LIST),
    /** A request the protocol never dispatched (wrong path or method): how it was sent, for the forensic trail. */
    HTTP_METHOD("httpMethod", ValueKind.TEXT),
    REQUEST_PATH("requestPath", ValueKind.TEXT);

    private final String jsonName;
    private final ValueKind kind;

    RequestParameter(String jsonName, ValueKind kind) {
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
