package io.kmsd.api.authz;

import io.kmsd.api.auth.Principal;
import io.kmsd.core.alias.AliasArn;
import io.kmsd.core.key.KeyFacts;
import java.util.Objects;
import java.util.Optional;

/**
 * One question to the authorizer: may {@code principal} perform {@code action} ({@code kms:<Operation>}, or
 * {@code kms:ReEncryptFrom}/{@code kms:ReEncryptTo}) on a resource — a key (with all its facts), an alias ARN
 * (the IAM half of Create/Update/DeleteAlias), or {@code *} for IAM-only operations (CreateKey, ListKeys,
 * ListAliases, GenerateRandom; kms-api §2 "Authorization defaults").
 */
public record AuthzRequest(Principal principal, String action, Optional<KeyFacts> key, Optional<AliasArn> alias,
                           RequestFacts facts) {

    public AuthzRequest {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(facts, "facts");
        key = key == null ? Optional.empty() : key;
        alias = alias == null ? Optional.empty() : alias;
        if (!action.startsWith("kms:")) {
            throw new IllegalArgumentException("action must be kms:<Operation>: " + action);
        }
        if (key.isPresent() && alias.isPresent()) {
            throw new IllegalArgumentException("a request is about a key or an alias, not both");
        }
    }

    public static AuthzRequest onKey(Principal principal, String action, KeyFacts key, RequestFacts facts) {
        return new AuthzRequest(principal, action, Optional.of(key), Optional.empty(), facts);
    }

    public static AuthzRequest onAlias(Principal principal, String action, AliasArn alias, RequestFacts facts) {
        return new AuthzRequest(principal, action, Optional.empty(), Optional.of(alias), facts);
    }

    public static AuthzRequest iamOnly(Principal principal, String action, RequestFacts facts) {
        return new AuthzRequest(principal, action, Optional.empty(), Optional.empty(), facts);
    }

    /** The resource ARN the decision is about: the key ARN, the alias ARN, or {@code *}. */
    public String resource() {
        return key.map(k -> k.arn().toString()).or(() -> alias.map(AliasArn::toString)).orElse("*");
    }

    /** The account owning the resource; empty for {@code *}. */
    public Optional<String> resourceAccount() {
        return key.map(k -> k.arn().account().value()).or(() -> alias.map(a -> a.account().value()));
    }
}
