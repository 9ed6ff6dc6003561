package io.kmsd.policy.actions;

import static io.kmsd.policy.actions.ActionClass.ACCOUNT;
import static io.kmsd.policy.actions.ActionClass.ADMIN_LIFECYCLE;
import static io.kmsd.policy.actions.ActionClass.ADMIN_PERMISSIONS;
import static io.kmsd.policy.actions.ActionClass.ADMIN_READ;
import static io.kmsd.policy.actions.ActionClass.USE_CRYPTO;
import static io.kmsd.policy.actions.ActionClass.USE_READ;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The catalog of KMS actions and the operation lists the rules refer to. */
public final class KmsActions {
    private static final Map<String, ActionClass> CLASSES = classes();
    private static final Map<String, Action> BY_NAME = cache();

    /** key-policy-semantics E2: the only operations a caller of another account can ever be allowed. */
    public static final Set<String> CROSS_ACCOUNT = Set.of("Decrypt", "DeriveSharedSecret", "DescribeKey",
            "Encrypt", "GenerateDataKey", "GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext",
            "GenerateDataKeyWithoutPlaintext", "GenerateMac", "GetKeyRotationStatus", "GetPublicKey",
            "ReEncryptFrom", "ReEncryptTo", "Sign", "Verify", "VerifyMac", "CreateGrant", "ListGrants",
            "RetireGrant", "RevokeGrant");

    /** key-policy-semantics E13: operations whose grant constraints are checked (they take a context). */
    public static final Set<String> TAKES_ENCRYPTION_CONTEXT = Set.of("Encrypt", "Decrypt", "ReEncryptFrom",
            "ReEncryptTo", "GenerateDataKey", "GenerateDataKeyWithoutPlaintext", "GenerateDataKeyPair",
            "GenerateDataKeyPairWithoutPlaintext");

    /** key-policy-semantics E18: operations without a key resource (identity policies only). */
    public static final Set<String> WITHOUT_KEY_RESOURCE = Set.of("CreateKey", "ListKeys", "ListAliases",
            "ListRetirableGrants", "GenerateRandom", "CreateCustomKeyStore", "ConnectCustomKeyStore",
            "DeleteCustomKeyStore", "DescribeCustomKeyStores", "DisconnectCustomKeyStore", "UpdateCustomKeyStore");

    private KmsActions() {
    }

    /** Every KMS action name without the {@code kms:} prefix, in catalog order. */
    public static Set<String> operations() {
        return CLASSES.keySet();
    }

    public static boolean isKnown(String operation) {
        return CLASSES.containsKey(operation);
    }

    /**
     * D3 class of an operation. CreateGrant, ListGrants and RevokeGrant are USE-DELEGATE only when the statement
     * requires {@code kms:GrantIsForAWSResource=true}; {@code forAwsResourceOnly} says whether it does.
     */
    public static ActionClass classify(String operation, boolean forAwsResourceOnly) {
        if (forAwsResourceOnly && isDelegation(operation)) {
            return ActionClass.USE_DELEGATE;
        }
        ActionClass c = CLASSES.get(operation);
        if (c == null) {
            throw new IllegalArgumentException("not a KMS action: " + operation);
        }
        return c;
    }

    private static boolean isDelegation(String operation) {
        return operation.equals("CreateGrant") || operation.equals("ListGrants") || operation.equals("RevokeGrant");
    }

    static Action lookup(String name) {
        return name == null ? null : BY_NAME.get(name);
    }

    private static Map<String, Action> cache() {
        Map<String, Action> m = new LinkedHashMap<>();
        for (String op : CLASSES.keySet()) {
            m.put("kms:" + op, Action.create("kms:" + op));
        }
        return Collections.unmodifiableMap(m);
    }

    private static Map<String, ActionClass> classes() {
        Map<String, ActionClass> m = new LinkedHashMap<>();
        put(m, USE_CRYPTO, "Encrypt", "Decrypt", "ReEncryptFrom", "ReEncryptTo", "GenerateDataKey",
                "GenerateDataKeyWithoutPlaintext", "GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext",
                "GenerateMac", "VerifyMac", "Sign", "Verify", "DeriveSharedSecret");
        put(m, USE_READ, "DescribeKey", "GetPublicKey");
        put(m, ADMIN_PERMISSIONS, "PutKeyPolicy", "CreateGrant", "RevokeGrant", "RetireGrant", "TagResource",
                "UntagResource", "CreateAlias", "UpdateAlias", "DeleteAlias");
        put(m, ADMIN_LIFECYCLE, "EnableKey", "DisableKey", "ScheduleKeyDeletion", "CancelKeyDeletion",
                "EnableKeyRotation", "DisableKeyRotation", "RotateKeyOnDemand", "ImportKeyMaterial",
                "DeleteImportedKeyMaterial", "GetParametersForImport", "ReplicateKey", "UpdatePrimaryRegion",
                "SynchronizeMultiRegionKey", "UpdateKeyDescription");
        put(m, ADMIN_READ, "GetKeyPolicy", "ListKeyPolicies", "GetKeyRotationStatus", "ListKeyRotations",
                "ListResourceTags", "ListGrants", "GetKeyLastUsage");
        put(m, ACCOUNT, "CreateKey", "ListKeys", "ListAliases", "ListRetirableGrants", "GenerateRandom",
                "CreateCustomKeyStore", "ConnectCustomKeyStore", "DeleteCustomKeyStore", "DescribeCustomKeyStores",
                "DisconnectCustomKeyStore", "UpdateCustomKeyStore");
        return Collections.unmodifiableMap(m);
    }

    private static void put(Map<String, ActionClass> m, ActionClass c, String... ops) {
        for (String op : ops) {
            m.put(op, c);
        }
    }
}
