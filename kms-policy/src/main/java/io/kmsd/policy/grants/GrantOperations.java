package io.kmsd.policy.grants;

import java.util.Set;

/** key-policy-semantics E12: the operations a grant can allow; nothing else can be granted. */
public final class GrantOperations {
    public static final Set<String> ALL = Set.of("Decrypt", "Encrypt", "GenerateDataKey", "GenerateDataKeyPair",
            "GenerateDataKeyPairWithoutPlaintext", "GenerateDataKeyWithoutPlaintext", "GenerateMac", "VerifyMac",
            "Sign", "Verify", "ReEncryptFrom", "ReEncryptTo", "DeriveSharedSecret", "GetPublicKey", "DescribeKey",
            "CreateGrant", "RetireGrant");

    private GrantOperations() {
    }

    public static boolean isGrantable(String operation) {
        return ALL.contains(operation);
    }
}
