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
    /** Keys with a variable part after the prefix (C1: the part is case-insensitive too). */
    private static final List<String> PREFIXES = List.of("kms:EncryptionContext:", "aws:PrincipalTag/",
            "aws:ResourceTag/", "aws:RequestTag/", "kms:RecipientAttestation:");
    /** AWS global or KMS keys that are valid in policies but never present in this service's requests. */
    private static final List<String> NEVER_POPULATED = List.of("aws:RequestedRegion", "aws:CalledVia",
            "aws:CalledViaFirst", "aws:CalledViaLast", "aws:SourceVpc", "aws:SourceVpce", "aws:VpcSourceIp",
            "aws:MultiFactorAuthPresent", "aws:MultiFactorAuthAge", "aws:TokenIssueTime", "aws:PrincipalOrgPaths",
            "aws:ResourceAccount", "aws:ResourceOrgID", "aws:ResourceOrgPaths", "aws:SourceOrgID", "aws:SourceOrgPaths",
            "aws:PrincipalServiceNamesList", "aws:FederatedProvider", "aws:SourceIdentity", "aws:Referer",
            "aws:UserAgent", "aws:SourceOwner", "kms:TrailingDaysWithoutKeyUsage",
            "kms:GranteeServicePrincipal", "kms:RetiringServicePrincipal", "kms:GrantConstraintSourceArn",
            "kms:XksKeyId", "kms:CustomKeyStoreId");
    /** C10: the ArrayOfString keys. */
    private static final List<String> MULTIVALUED = List.of("kms:EncryptionContextKeys", "kms:GrantOperations",
            "kms:ResourceAliases", "aws:TagKeys", "aws:CalledVia", "aws:PrincipalOrgPaths",
            "aws:PrincipalServiceNamesList", "aws:ResourceOrgPaths", "aws:SourceOrgPaths");

    private ConditionKeys() {
    }

    /** The lower-case form of a key name, without allocating for the fixed names. */
    public static String lower(String key) {
        String known = LOWER.get(key);
        return known != null ? known : key.toLowerCase(Locale.ROOT);
    }

    /** True for a key of section 5 (or an AWS key valid in policies), in any case (C1). */
    public static boolean isKnown(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        for (String p : PREFIXES) {
            if (lower.startsWith(p.toLowerCase(Locale.ROOT)) && lower.length() > p.length()) {
                return true;
            }
        }
        return LOWER.containsValue(lower) || NEVER_POPULATED.stream().anyMatch(k -> k.equalsIgnoreCase(key));
    }

    /** C10: true for the multivalued (ArrayOfString) keys. */
    public static boolean isMultivalued(String key) {
        return MULTIVALUED.stream().anyMatch(k -> k.equalsIgnoreCase(key));
    }

    /** Every fixed key name this service populates, in section-5 order. */
    public static List<String> names() {
        return NAMES;
    }

    /** The key-name prefixes with a variable part, e.g. {@code kms:EncryptionContext:}. */
    public static List<String> prefixes() {
        return PREFIXES;
    }

    private static Map<String, String> lowerCaseForms() {
        Map<String, String> m = new HashMap<>();
        NAMES.forEach(n -> m.put(n, n.toLowerCase(Locale.ROOT)));
        return Collections.unmodifiableMap(m);
    }
}
