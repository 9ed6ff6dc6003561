package io.kmsd.core.key;

import io.kmsd.core.alias.AliasName;
import java.util.List;
import java.util.Objects;

/**
 * Everything the authorizer needs to know about one key: its metadata, its key policy exactly as
 * stored, its tags (for {@code aws:ResourceTag/*}) and its aliases (for {@code kms:RequestAlias} rules).
 */
public record KeyFacts(KeyMetadata metadata, String policy, List<Tag> tags, List<AliasName> aliases) {
    public KeyFacts {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(policy, "policy");
        tags = List.copyOf(tags);
        aliases = List.copyOf(aliases);
    }

    public KeyArn arn() {
        return metadata.arn();
    }

    public KeyState state() {
        return metadata.keyState();
    }
}
