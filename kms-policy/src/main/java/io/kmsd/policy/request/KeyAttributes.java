package io.kmsd.policy.request;

import java.util.List;
import java.util.Map;

/**
 * Key attributes visible to conditions (K1 {@code aws:ResourceTag/*}, K3 {@code kms:KeySpec} …). Defaults as in
 * the decision-vector format (V2): SYMMETRIC_DEFAULT, ENCRYPT_DECRYPT, AWS_KMS, single-Region, no aliases or tags.
 */
public record KeyAttributes(String keySpec, String keyUsage, String origin, boolean multiRegion,
        String multiRegionKeyType, List<String> aliases, Map<String, String> tags) {
    public static final KeyAttributes DEFAULT =
            new KeyAttributes(null, null, null, false, null, null, null);

    public KeyAttributes {
        keySpec = keySpec == null ? "SYMMETRIC_DEFAULT" : keySpec;
        keyUsage = keyUsage == null ? "ENCRYPT_DECRYPT" : keyUsage;
        origin = origin == null ? "AWS_KMS" : origin;
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        if (multiRegionKeyType != null && !multiRegion) {
            throw new IllegalArgumentException("only multi-Region keys have a multi-Region key type");
        }
    }

    public boolean isSymmetric() {
        return keySpec.equals("SYMMETRIC_DEFAULT");
    }
}
