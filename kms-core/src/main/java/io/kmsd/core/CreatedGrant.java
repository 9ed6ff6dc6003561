package io.kmsd.core;

import io.kmsd.core.grant.GrantId;
import java.util.Objects;

/** What CreateGrant answers (kms-api §4.9): the grant's id and a fresh token for it. */
public record CreatedGrant(GrantId grantId, String grantToken) {
    public CreatedGrant {
        Objects.requireNonNull(grantId, "grantId");
        Objects.requireNonNull(grantToken, "grantToken");
    }
}
