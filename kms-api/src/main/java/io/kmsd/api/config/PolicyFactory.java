package io.kmsd.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kmsd.api.auth.IdentityStore;
import io.kmsd.api.authz.Authorizer;
import io.kmsd.api.authz.PolicyAuthorizer;
import io.kmsd.core.GrantService;

/**
 * {@code kms.policy}: the policy engine's switches. {@code enforceSeparationOfDuties: true} makes PutKeyPolicy
 * and CreateKey refuse a key policy giving any principal but an account both administrative and usage actions
 * (key-policy-semantics D3/D4 SOD-001), with MalformedPolicyDocumentException naming the statements.
 */
public class PolicyFactory {
    private boolean enforceSeparationOfDuties;

    @JsonProperty
    public boolean isEnforceSeparationOfDuties() {
        return enforceSeparationOfDuties;
    }

    @JsonProperty
    public void setEnforceSeparationOfDuties(boolean enforceSeparationOfDuties) {
        this.enforceSeparationOfDuties = enforceSeparationOfDuties;
    }

    /**
     * The authorizer. New key policies may name only principals of the identities file (G8c), except in
     * permissive mode, where every 12-digit access key id is an account.
     */
    public Authorizer build(IdentityStore identities, GrantService grants, AuthMode mode) {
        return new PolicyAuthorizer(identities, grants, mode != AuthMode.PERMISSIVE, enforceSeparationOfDuties);
    }
}
