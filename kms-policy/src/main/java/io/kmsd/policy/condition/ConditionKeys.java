package io.kmsd.policy.condition;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fixed condition-key names of key-policy-semantics section 5, with their lower-case forms computed once:
 * context lookups are case-insensitive (C1), and lower-casing the same constant names on every request would
 * allocate for nothing. Variable keys ({@code kms:EncryptionContext:<k>}, tags) are lower-cased as they come.
 */
public final class ConditionKeys {
    private static final List<String> NAMES = List.of("aws:PrincipalArn", "aws:PrincipalAccount", "aws:PrincipalType",
            "aws:userid", "aws:username", "aws:PrincipalOrgID", "aws:PrincipalIsAWSService", "aws:PrincipalServiceName",
            "aws:SourceIp", "aws:CurrentTime", "aws:EpochTime", "aws:SecureTransport", "aws:ViaAWSService",
            "aws:SourceArn", "aws:SourceAccount", "aws:TagKeys", "kms:CallerAccount", "kms:ViaService",
            "kms:EncryptionContextKeys", "kms:EncryptionAlgorithm", "kms:SigningAlgorithm", "kms:MessageType",
            "kms:MacAlgorithm", "kms:KeyAgreementAlgorithm", "kms:DataKeyPairSpec", "kms:ReEncryptOnSameKey",
            "kms:RequestAlias", "kms:ResourceAliases", "kms:KeySpec", "kms:KeyUsage", "kms:KeyOrigin",
            "kms:CustomerMasterKeySpec", "kms:CustomerMasterKeyUsage", "kms:MultiRegion", "kms:MultiRegionKeyType",
            "kms:PrimaryRegion", "kms:ReplicaRegion", "kms:GrantOperations", "kms:GranteePrincipal",
            "kms:RetiringPrincipal", "kms:GrantConstraintType", "kms:GrantIsForAWSResource",
            "kms:BypassPolicyLockoutSafetyCheck", "kms:ScheduleKeyDeletionPendingWindowInDays",
            "kms:RotationPeriodInDays", "kms:ExpirationModel", "kms:ValidTo", "kms:WrappingAlgorithm",
            "kms:WrappingKeySpec");
    private static final Map<String, String> LOWER = lowerCaseForms();

    private ConditionKeys() {
    }

    /** The lower-case form of a key name, without allocating for the fixed names. */
    public static String lower(String key) {
        String known = LOWER.get(key);
        return known != null ? known : key.toLowerCase(Locale.ROOT);
    }

    private static Map<String, String> lowerCaseForms() {
        Map<String, String> m = new HashMap<>();
        NAMES.forEach(n -> m.put(n, n.toLowerCase(Locale.ROOT)));
        return Collections.unmodifiableMap(m);
    }
}
