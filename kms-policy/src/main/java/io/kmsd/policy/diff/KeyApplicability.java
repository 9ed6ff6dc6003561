package io.kmsd.policy.diff;

import io.kmsd.policy.actions.KmsActions;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which operations a request-derived condition key can be present for (key-policy-semantics section 5), so the
 * diff does not try, say, an encryption context on DescribeKey. Keys not listed may appear on any operation.
 */
final class KeyApplicability {
    private static final Set<String> CONTEXT_OPS = union(KmsActions.TAKES_ENCRYPTION_CONTEXT, Set.of("CreateGrant"));
    private static final Set<String> GRANT = Set.of("CreateGrant");
    private static final Map<String, Set<String>> EXACT = Map.ofEntries(
            Map.entry("kms:encryptioncontextkeys", CONTEXT_OPS),
            Map.entry("kms:encryptionalgorithm", KmsActions.TAKES_ENCRYPTION_CONTEXT),
            Map.entry("kms:signingalgorithm", Set.of("Sign", "Verify")),
            Map.entry("kms:messagetype", Set.of("Sign", "Verify")),
            Map.entry("kms:macalgorithm", Set.of("GenerateMac", "VerifyMac")),
            Map.entry("kms:keyagreementalgorithm", Set.of("DeriveSharedSecret")),
            Map.entry("kms:datakeypairspec", Set.of("GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext")),
            Map.entry("kms:reencryptonsamekey", Set.of("ReEncryptFrom", "ReEncryptTo")),
            Map.entry("kms:grantoperations", GRANT), Map.entry("kms:granteeprincipal", GRANT),
            Map.entry("kms:retiringprincipal", GRANT), Map.entry("kms:grantconstrainttype", GRANT),
            Map.entry("kms:grantisforawsresource", Set.of("CreateGrant", "ListGrants", "RevokeGrant")),
            Map.entry("kms:bypasspolicylockoutsafetycheck", Set.of("PutKeyPolicy")),
            Map.entry("kms:schedulekeydeletionpendingwindowindays", Set.of("ScheduleKeyDeletion")),
            Map.entry("kms:rotationperiodindays", Set.of("EnableKeyRotation")),
            Map.entry("kms:expirationmodel", Set.of("ImportKeyMaterial")),
            Map.entry("kms:validto", Set.of("ImportKeyMaterial")),
            Map.entry("kms:wrappingalgorithm", Set.of("GetParametersForImport")),
            Map.entry("kms:wrappingkeyspec", Set.of("GetParametersForImport")),
            Map.entry("kms:primaryregion", Set.of("UpdatePrimaryRegion")),
            Map.entry("kms:replicaregion", Set.of("ReplicateKey")),
            Map.entry("aws:tagkeys", Set.of("TagResource", "UntagResource")));
    private static final List<Map.Entry<String, Set<String>>> PREFIXES = List.of(
            Map.entry("kms:encryptioncontext:", CONTEXT_OPS),
            Map.entry("aws:requesttag/", Set.of("TagResource")));

    private KeyApplicability() {
    }

    static boolean applies(String key, String operation) {
        String lower = key.toLowerCase(Locale.ROOT);
        Set<String> ops = EXACT.get(lower);
        if (ops != null) {
            return ops.contains(operation);
        }
        for (Map.Entry<String, Set<String>> p : PREFIXES) {
            if (lower.startsWith(p.getKey())) {
                return p.getValue().contains(operation);
            }
        }
        return true;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new HashSet<>(a);
        out.addAll(b);
        return Set.copyOf(out);
    }
}
