package io.kmsd.core;

import io.kmsd.core.key.AccountId;
import io.kmsd.core.key.KeySpec;
import io.kmsd.core.key.KeyUsage;
import io.kmsd.core.key.Origin;
import io.kmsd.core.key.Region;
import io.kmsd.core.key.Tag;
import java.util.List;
import java.util.Objects;

/**
 * A CreateKey request after wire validation. {@code keyUsage} null means "not given" (kms-api §4.1 needs
 * the difference); {@code keySpec} null means SYMMETRIC_DEFAULT, {@code origin} null AWS_KMS,
 * {@code description} null "", {@code policy} null the default key policy, {@code tags} null none.
 */
public record NewKey(AccountId account, Region region, String description, KeySpec keySpec, KeyUsage keyUsage,
                     Origin origin, List<Tag> tags, String policy, boolean multiRegion) {
    public NewKey {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(region, "region");
        description = description == null ? "" : description;
        keySpec = keySpec == null ? KeySpec.SYMMETRIC_DEFAULT : keySpec;
        origin = origin == null ? Origin.AWS_KMS : origin;
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A symmetric AWS_KMS key with the default policy, no description and no tags. */
    public static NewKey symmetric(AccountId account, Region region) {
        return new NewKey(account, region, "", KeySpec.SYMMETRIC_DEFAULT, null, Origin.AWS_KMS, List.of(), null,
                false);
    }
}
