package io.kmsd.core;

import io.kmsd.core.grant.Grant;
import java.util.Objects;
import java.util.Optional;

/**
 * A grant as this node sees it for one request (key-policy-semantics E12, E15): {@code propagated} if this node
 * has it among the key's visible grants; otherwise it counts only through the presented {@code token}.
 * {@code grant().state()} is RETIRED/REVOKED when the request presents the token of a grant this node knows
 * has ended — such a grant allows nothing. Maps one-to-one onto kms-policy's grant value.
 */
public record GrantView(Grant grant, boolean propagated, Optional<String> token) {
    public GrantView {
        Objects.requireNonNull(grant, "grant");
        token = token == null ? Optional.empty() : token;
        if (!propagated && token.isEmpty()) {
            throw new IllegalArgumentException("a grant that has not propagated is seen only through its token");
        }
    }
}
