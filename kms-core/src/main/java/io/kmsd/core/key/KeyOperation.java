package io.kmsd.core.key;

/** Every KMS operation that acts on one key; the names are the wire operation names. */
public enum KeyOperation {
    Encrypt, Decrypt, ReEncrypt, GenerateDataKey, GenerateDataKeyWithoutPlaintext, GenerateDataKeyPair,
    GenerateDataKeyPairWithoutPlaintext, Sign, Verify, GenerateMac, VerifyMac, DeriveSharedSecret,
    GetPublicKey,
    CreateGrant,
    DescribeKey, GetKeyLastUsage, GetKeyPolicy, PutKeyPolicy, ListKeyPolicies, ListGrants, ListResourceTags,
    ListAliases, DeleteAlias, RetireGrant, RevokeGrant,
    CreateAlias, UpdateAlias, TagResource, UntagResource, UpdateKeyDescription,
    EnableKey, DisableKey,
    ScheduleKeyDeletion,
    CancelKeyDeletion,
    EnableKeyRotation, DisableKeyRotation,
    GetKeyRotationStatus, ListKeyRotations,
    RotateKeyOnDemand,
    GetParametersForImport, ImportKeyMaterial,
    DeleteImportedKeyMaterial,
    ReplicateKey, UpdatePrimaryRegion;

    /** The IAM action, {@code kms:<Operation>}. */
    public String action() {
        return "kms:" + name();
    }
}
