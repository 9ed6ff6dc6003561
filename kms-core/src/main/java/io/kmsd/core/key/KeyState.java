package io.kmsd.core.key;

/** The states of kms-api §3.3. Which operation each state permits is decided by {@link KeyStateTable}. */
public enum KeyState {
    Enabled,
    Disabled,
    PendingDeletion,
    PendingReplicaDeletion,
    PendingImport,
    Unavailable,
    Creating,
    Updating;

    public boolean permits(KeyOperation operation) {
        return KeyStateTable.permits(operation, this);
    }

    public boolean isPendingDeletion() {
        return this == PendingDeletion || this == PendingReplicaDeletion;
    }
}
