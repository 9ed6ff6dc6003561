package io.kmsd.api.operation;

import io.kmsd.api.auth.Principal;
import io.kmsd.api.authz.AccessExplanation;
import io.kmsd.api.authz.Authorizer;
import io.kmsd.api.authz.AuthzDecision;
import io.kmsd.api.authz.AuthzRequest;
import io.kmsd.api.authz.RequestFacts;
import io.kmsd.api.protocol.Call;
import io.kmsd.core.GrantService;
import io.kmsd.core.KeyService;
import io.kmsd.core.ResolvedKey;
import io.kmsd.core.alias.AliasArn;
import io.kmsd.core.error.KmsError;
import io.kmsd.core.error.KmsException;
import io.kmsd.core.key.KeyArn;
import io.kmsd.core.key.KeyFacts;
import java.util.Optional;

/**
 * The part every handler shares (DESIGN "Request flow" steps 4–6): resolve a KeyRef in the caller's account
 * and Region, fetch the key's facts (cached by core: no database read for an unchanged key), ask the
 * authorizer, record the decision on the {@link Call} for the audit trail, and throw AccessDenied on a deny.
 */
public final class KeyAccess {
    /** Which KeyRef forms an operation accepts (kms-api §2). */
    public enum Ref { ID_ARN_OR_ALIAS, ID_OR_ARN }

    private final KeyService keys;
    private final GrantService grants;
    private final Authorizer authorizer;

    public KeyAccess(KeyService keys, GrantService grants, Authorizer authorizer) {
        this.keys = keys;
        this.grants = grants;
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

    /**
     * After PutKeyPolicy was authorized on {@code key}: the new policy's validation, lockout and
     * separation-of-duties checks (key-policy-semantics L4); MalformedPolicyDocument or LimitExceeded.
     */
    public void checkKeyPolicy(Call call, KeyFacts key, String action, RequestFacts facts, String policy) {
        authorizer.checkPolicyWrite(AuthzRequest.onKey(call.principal(), action, key, facts), policy)
                .ifPresent(e -> {
                    throw e;
                });
    }

    /** The same for the policy of a key CreateKey is about to create (the request itself already allowed). */
    public void checkNewKeyPolicy(Call call, String action, RequestFacts facts, String policy) {
        authorizer.checkPolicyWrite(AuthzRequest.iamOnly(call.principal(), action, facts), policy)
                .ifPresent(e -> {
                    throw e;
                });
    }

    public KeyService keys() {
        return keys;
    }

    public GrantService grants() {
        return grants;
    }

    private void require(Call call, AuthzRequest request) {
        AuthzDecision decision = authorizer.decide(request);
        call.decided(decision);
        if (!decision.allowed()) {
            throw new KmsException(KmsError.AccessDenied, decision.deniedMessage());
        }
    }

    /** ExplainAccess: the authorizer's explanation of {@code request}, which is not authorized or recorded here. */
    public Optional<AccessExplanation> explain(AuthzRequest request) {
        return authorizer.explain(request);
    }

    /** ExplainAccess: a principal the server knows by ARN. */
    public Optional<Principal> principal(String arn) {
        return authorizer.principal(arn);
    }
}
