package io.kmsd.api.operation;

import io.kmsd.api.authz.AuthzDecision;
import io.kmsd.api.authz.AuthzRequest;
import io.kmsd.api.authz.Authorizer;
import io.kmsd.api.authz.RequestFacts;
import io.kmsd.api.protocol.Call;
import io.kmsd.core.KeyService;
import io.kmsd.core.ResolvedKey;
import io.kmsd.core.alias.AliasArn;
import io.kmsd.core.error.KmsError;
import io.kmsd.core.error.KmsException;
import io.kmsd.core.key.KeyArn;
import io.kmsd.core.key.KeyFacts;

/**
 * The part every handler shares (DESIGN "Request flow" steps 4–6): resolve a KeyRef in the caller's account
 * and Region, fetch the key's facts (cached by core: no database read for an unchanged key), ask the
 * authorizer, record the decision on the {@link Call} for the audit trail, and throw AccessDenied on a deny.
 */
public final class KeyAccess {
    /** Which KeyRef forms an operation accepts (kms-api §2). */
    public enum Ref { ID_ARN_OR_ALIAS, ID_OR_ARN }

    private final KeyService keys;
    private final Authorizer authorizer;

    public KeyAccess(KeyService keys, Authorizer authorizer) {
        this.keys = keys;
        this.authorizer = authorizer;
    }

    /** Resolves {@code keyRef} and authorizes {@code action} on that key; the request alias joins the facts. */
    public KeyFacts authorize(Call call, String keyRef, Ref ref, String action, RequestFacts facts) {
        ResolvedKey resolved = keys.resolve(keyRef, call.account(), call.region(), ref == Ref.ID_ARN_OR_ALIAS);
        return authorize(call, resolved.arn(), action, facts.withRequestAlias(resolved.requestAlias()));
    }

    /** Authorizes {@code action} on a key already known by ARN. */
    public KeyFacts authorize(Call call, KeyArn arn, String action, RequestFacts facts) {
        KeyFacts key = keys.facts(arn);
        call.touched(key);
        require(call, AuthzRequest.onKey(call.principal(), action, key, facts));
        return key;
    }

    /** The IAM half of an alias operation: {@code action} on the alias ARN. */
    public void authorizeAlias(Call call, AliasArn alias, String action, RequestFacts facts) {
        require(call, AuthzRequest.onAlias(call.principal(), action, alias, facts));
    }

    /** IAM-only operations: {@code action} on resource {@code *}. */
    public void authorizeIamOnly(Call call, String action, RequestFacts facts) {
        require(call, AuthzRequest.iamOnly(call.principal(), action, facts));
    }

    public KeyService keys() {
        return keys;
    }

    private void require(Call call, AuthzRequest request) {
        AuthzDecision decision = authorizer.decide(request);
        call.decided(decision);
        if (!decision.allowed()) {
            throw new KmsException(KmsError.AccessDenied, decision.deniedMessage());
        }
    }
}
