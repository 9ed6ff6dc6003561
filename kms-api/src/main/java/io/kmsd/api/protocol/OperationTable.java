package io.kmsd.api.protocol;

import io.kmsd.core.error.KmsError;
import io.kmsd.core.error.KmsException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Operation name → handler. Every other name of the KMS model answers UnsupportedOperationException naming
 * it; a name outside the model is UnknownOperationException (kms-api §1.1).
 */
public final class OperationTable {
    /** The 54 operations of the botocore KMS model 2014-11-01. */
    public static final Set<String> MODEL_OPERATIONS = Set.of(
            "CancelKeyDeletion", "ConnectCustomKeyStore", "CreateAlias", "CreateCustomKeyStore", "CreateGrant",
            "CreateKey", "Decrypt", "DeleteAlias", "DeleteCustomKeyStore", "DeleteImportedKeyMaterial",
            "DeriveSharedSecret", "DescribeCustomKeyStores", "DescribeKey", "DisableKey", "DisableKeyRotation",
            "DisconnectCustomKeyStore", "EnableKey", "EnableKeyRotation", "Encrypt", "GenerateDataKey",
            "GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext", "GenerateDataKeyWithoutPlaintext",
            "GenerateMac", "GenerateRandom", "GetKeyLastUsage", "GetKeyPolicy", "GetKeyRotationStatus",
            "GetParametersForImport", "GetPublicKey", "ImportKeyMaterial", "ListAliases", "ListGrants",
            "ListKeyPolicies", "ListKeyRotations", "ListKeys", "ListResourceTags", "ListRetirableGrants",
            "PutKeyPolicy", "ReEncrypt", "ReplicateKey", "RetireGrant", "RevokeGrant", "RotateKeyOnDemand",
            "ScheduleKeyDeletion", "Sign", "TagResource", "UntagResource", "UpdateAlias", "UpdateCustomKeyStore",
            "UpdateKeyDescription", "UpdatePrimaryRegion", "Verify", "VerifyMac");

    /** Our operations beyond the model: {@code ExplainAccess} (the server half of {@code ./kms explain --endpoint}). */
    public static final Set<String> EXTENSION_OPERATIONS = Set.of("ExplainAccess");

    private final Map<String, OperationHandler<?>> handlers;

    public OperationTable(Collection<? extends OperationHandler<?>> handlers) {
        Map<String, OperationHandler<?>> map = new HashMap<>();
        for (OperationHandler<?> h : handlers) {
            if (!MODEL_OPERATIONS.contains(h.name()) && !EXTENSION_OPERATIONS.contains(h.name())) {
                throw new IllegalArgumentException("not a KMS operation: " + h.name());
            }
            if (map.put(h.name(), h) != null) {
                throw new IllegalArgumentException("two handlers for " + h.name());
            }
        }
        this.handlers = Map.copyOf(map);
    }

    public static OperationTable of(List<? extends OperationHandler<?>> handlers) {
        return new OperationTable(handlers);
    }

    /** The handler of {@code operation}; UnsupportedOperation or UnknownOperation if there is none. */
    public OperationHandler<?> handler(String operation) {
        OperationHandler<?> h = handlers.get(operation);
        if (h != null) {
            return h;
        }
        if (MODEL_OPERATIONS.contains(operation)) {
            throw new KmsException(KmsError.UnsupportedOperation,
                    operation + " is not supported by this server yet.");
        }
        throw unknown();
    }

    public Set<String> implemented() {
        return handlers.keySet();
    }

    static KmsException unknown() {
        return new KmsException(KmsError.UnknownOperation, "");
    }
}
