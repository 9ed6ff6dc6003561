package io.kmsd.core;

import io.kmsd.core.alias.AliasName;
import io.kmsd.core.key.KeyArn;
import java.util.Optional;

/** The key a KeyRef names, and the alias the request used to name it, if any ({@code kms:RequestAlias}). */
public record ResolvedKey(KeyArn arn, Optional<AliasName> requestAlias) {
    public ResolvedKey {
        if (arn == null || requestAlias == null) {
            throw new IllegalArgumentException("resolved key needs an ARN");
        }
    }
}
