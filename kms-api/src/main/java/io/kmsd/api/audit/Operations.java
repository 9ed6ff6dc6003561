package io.kmsd.api.audit;

import java.util.Set;

/**
 * What the record says about an operation: whether it changes anything (CloudTrail's {@code readOnly} is its
 * negation), and whether it changes a key's state (the record then carries the state before and after).
 */
final class Operations {
    /** Operations that change keys, aliases, tags, policies, grants or key stores. */
    static final Set<String> MUTATING = Set.of(
            "CancelKeyDeletion", "ConnectCustomKeyStore", "CreateAlias", "CreateCustomKeyStore", "CreateGrant",
            "CreateKey", "DeleteAlias", "DeleteCustomKeyStore", "DeleteImportedKeyMaterial", "DisableKey",
            "DisableKeyRotation", "DisconnectCustomKeyStore", "EnableKey", "EnableKeyRotation", "ImportKeyMaterial",
            "PutKeyPolicy", "ReplicateKey", "RetireGrant", "RevokeGrant", "RotateKeyOnDemand", "ScheduleKeyDeletion",
            "TagResource", "UntagResource", "UpdateAlias", "UpdateCustomKeyStore", "UpdateKeyDescription",
            "UpdatePrimaryRegion");

    /** Operations whose success moves a key from one state to another (kms-api §3.4). */
    static final Set<String> STATE_CHANGING = Set.of(
            "EnableKey", "DisableKey", "ScheduleKeyDeletion", "CancelKeyDeletion", "ImportKeyMaterial",
            "DeleteImportedKeyMaterial");

    private Operations() {
    }

    static boolean readOnly(String operation) {
        return !MUTATING.contains(operation);
    }
}
