package io.kmsd.policy.request;

import io.kmsd.policy.actions.Action;
import io.kmsd.policy.condition.RequestContext;
import io.kmsd.policy.grants.Grant;
import java.util.List;

/**
 * One authorization question (key-policy-semantics E1): may {@code caller} perform {@code action} on
 * {@code resource}? {@code key} is the key with its policy for key-resource operations, or null for operations
 * authorized by identity policies alone (E18; {@code resource} is then {@code *} or an alias ARN). The context is
 * derived from {@code facts} by {@link ContextBuilder} unless given. {@code grants} are the key's grants.
 */
public record AuthorizationRequest(Caller caller, Action action, KeyFacts key, String resource, RequestFacts facts,
        RequestContext context, List<Grant> grants) {

    public AuthorizationRequest {
        if (caller == null || action == null || facts == null || context == null) {
            throw new IllegalArgumentException("a request needs a caller, an action, facts and a context");
        }
        if (key != null && key.policy() == null) {
            throw new IllegalArgumentException("a key-resource request needs the key's policy");
        }
        resource = key != null ? key.arnText() : resource == null ? "*" : resource;
        grants = grants == null ? List.of() : List.copyOf(grants);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** True when the key policy takes part (the key exists and the operation acts on it). */
    public boolean hasKeyResource() {
        return key != null;
    }

    /** A copy with another key, grants and context; used by the lockout simulation (L2). */
    public AuthorizationRequest with(Action newAction, KeyFacts newKey, RequestContext newContext, List<Grant> g) {
        return new AuthorizationRequest(caller, newAction, newKey, newKey == null ? resource : null, facts,
                newContext, g);
    }

    /** Assembles a request; the context is built from the facts when not set explicitly. */
    public static final class Builder {
        private Caller caller;
        private Action action;
        private KeyFacts key;
        private KeyAttributes requestedAttributes;
        private String resource;
        private RequestFacts facts;
        private RequestContext context;
        private List<Grant> grants = List.of();

        private Builder() {
        }

        public Builder caller(Caller v) { caller = v; return this; }
        public Builder action(Action v) { action = v; return this; }
        public Builder action(String v) { action = Action.of(v); return this; }
        public Builder key(KeyFacts v) { key = v; return this; }
        /** Key attributes requested by a CreateKey (no key exists yet). */
        public Builder requestedAttributes(KeyAttributes v) { requestedAttributes = v; return this; }
        public Builder resource(String v) { resource = v; return this; }
        public Builder facts(RequestFacts v) { facts = v; return this; }
        public Builder context(RequestContext v) { context = v; return this; }
        public Builder grants(List<Grant> v) { grants = v; return this; }

        public AuthorizationRequest build() {
            if (caller == null || action == null || facts == null) {
                throw new IllegalArgumentException("a request needs a caller, an action and facts");
            }
            RequestContext ctx = context != null ? context
                    : ContextBuilder.build(caller.principal(), action, key, requestedAttributes, facts);
            return new AuthorizationRequest(caller, action, key, resource, facts, ctx, grants);
        }
    }
}
