package io.kmsd.api.authz;

import io.kmsd.api.auth.Principal;
import io.kmsd.core.key.KeyFacts;
import java.util.Objects;
import java.util.Optional;

/**
 * One question to the authorizer: may {@code principal} perform {@code action} ({@code kms:<Operation>}, or
 * {@code kms:ReEncryptFrom}/{@code kms:ReEncryptTo}) on {@code key} — or, for IAM-only operations (CreateKey,
 * ListKeys, ListAliases, GenerateRandom; kms-api §2), on resource {@code *} when {@code key} is empty.
 */
public record AuthzRequest(Principal principal, String action, Optional<KeyFacts> key, RequestFacts facts) {

    public AuthzRequest {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(facts, "facts");
        key = key == null ? Optional.empty() : key;
        if (!action.startsWith("kms:")) {
            throw new IllegalArgumentException("action must be kms:<Operation>: " + action);
        }
    }

    public static AuthzRequest onKey(Principal principal, String action, KeyFacts key, RequestFacts facts) {
        return new AuthzRequest(principal, action, Optional.of(key), facts);
    }

    public static AuthzRequest iamOnly(Principal principal, String action, RequestFacts facts) {
        return new AuthzRequest(principal, action, Optional.empty(), facts);
    }

    /** The resource ARN the decision is about: the key ARN, or {@code *}. */
    public String resource() {
        return key.map(k -> k.arn().toString()).orElse("*");
    }
}
