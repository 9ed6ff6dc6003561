package io.kmsd.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kmsd.api.auth.IdentityStore;
import io.kmsd.api.authz.Authorizer;
import io.kmsd.api.authz.PolicyAuthorizer;
import io.kmsd.core.GrantService;
import io.kmsd.policy.cedar.Guardrails;
import java.nio.file.Path;

/**
 * {@code kms.policy}: the policy engine's switches. {@code enforceSeparationOfDuties: true} makes PutKeyPolicy
 * and CreateKey refuse a key policy giving any principal but an account both administrative and usage actions
 * (key-policy-semantics D3/D4 SOD-001), with MalformedPolicyDocumentException naming the statements.
 * {@code guardrails: DIR} loads the Cedar guardrails of that directory (its {@code .cedar} files, validated against
 * the KMS schema) and applies them to every request after the IAM decision; they can only deny (DESIGN "Request
 * flow" step 5). No default directory: the examples in {@code policies/guardrails/} deny Decrypt from outside
 * 10.0.0.0/8, so picking them up from the working directory would silently break a local server.
 */
public class PolicyFactory {
    private boolean enforceSeparationOfDuties;
    private String guardrails;

    @JsonProperty
    public boolean isEnforceSeparationOfDuties() {
        return enforceSeparationOfDuties;
    }

    @JsonProperty
    public void setEnforceSeparationOfDuties(boolean enforceSeparationOfDuties) {
        this.enforceSeparationOfDuties = enforceSeparationOfDuties;
    }

    /** The guardrail directory, relative to the working directory; null (the default) for none. */
    @JsonProperty
    public String getGuardrails() {
        return guardrails;
    }

    @JsonProperty
    public void setGuardrails(String guardrails) {
        this.guardrails = guardrails;
    }

    /**
     * The guardrails configured, loaded and validated now.
     *
     * @throws io.kmsd.policy.cedar.GuardrailException naming every file and line that is wrong
     */
    public Guardrails loadGuardrails() {
        return guardrails == null || guardrails.isBlank() ? Guardrails.none() : Guardrails.load(Path.of(guardrails));
    }

    /**
     * The authorizer. New key policies may name only principals of the identities file (G8c), except in
     * permissive mode, where every 12-digit access key id is an account.
     */
    public Authorizer build(IdentityStore identities, GrantService grants, AuthMode mode) {
        return new PolicyAuthorizer(identities, grants, mode != AuthMode.PERMISSIVE, enforceSeparationOfDuties,
                loadGuardrails());
    }
}
