package io.kmsd.api.authz;

import io.kmsd.api.auth.IdentityStore;
import io.kmsd.api.auth.Principal;
import io.kmsd.core.key.AccountId;
import io.kmsd.core.GrantService;
import io.kmsd.core.error.KmsError;
import io.kmsd.core.error.KmsException;
import io.kmsd.policy.cedar.Guardrails;
import io.kmsd.policy.document.PolicyDocument;
import io.kmsd.policy.eval.Decision;
import io.kmsd.policy.eval.Evaluator;
import io.kmsd.policy.eval.KeyPolicyChange;
import io.kmsd.policy.eval.Outcome;
import io.kmsd.policy.explain.DenialMessages;
import io.kmsd.policy.explain.Explainer;
import io.kmsd.policy.explain.Explanation;
import io.kmsd.policy.explain.JsonRenderer;
import io.kmsd.policy.explain.TextRenderer;
import io.kmsd.policy.principal.IdentityDirectory;
import io.kmsd.policy.request.AuthorizationRequest;
import io.kmsd.policy.request.KeyFacts;
import io.kmsd.policy.template.SeparationOfDuties;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The policy engine of kms-policy behind the authorization seam (DESIGN "Request flow" step 5): key policies,
 * the caller's identity policies, grants and grant tokens, the cross-account gate, explicit denies. Key
 * policies are compiled once per key and policy text, identity policies once when the identities are loaded;
 * a request parses nothing. Policy writes are validated against the identities (G8c), checked for lockout
 * (L2) and, when {@code kms.policy.enforceSeparationOfDuties} is on, for separation of duties (D4 SOD-001).
 */
public final class PolicyAuthorizer implements Authorizer {
    private final Evaluator evaluator = new Evaluator();
    private final EngineRequests requests;
    private final IdentityDirectory directory;
    private final boolean enforceSeparationOfDuties;
    private final Guardrails guardrails;
    private final IdentityStore identities;
    private final Map<String, Principal> principals = new HashMap<>();

    /**
     * @param identities the identities file; its identity policies are compiled here (IdentitiesException if
     *                   one is invalid)
     * @param checkPrincipalsExist whether new key policies may name only accounts, users and roles of the
     *                   identities file (G8c); off in permissive mode, where any 12-digit account exists
     */
    public PolicyAuthorizer(IdentityStore identities, GrantService grants, boolean checkPrincipalsExist,
                            boolean enforceSeparationOfDuties) {
        this(identities, grants, checkPrincipalsExist, enforceSeparationOfDuties, Guardrails.none());
    }

    /** @param guardrails Cedar forbid policies applied after the IAM decision (only to allowed requests) */
    public PolicyAuthorizer(IdentityStore identities, GrantService grants, boolean checkPrincipalsExist,
                            boolean enforceSeparationOfDuties, Guardrails guardrails) {
        this.requests = new EngineRequests(new Callers(identities.principals()), new CompiledKeys(),
                new GrantViews(grants));
        this.directory = checkPrincipalsExist ? new StoreDirectory(identities) : null;
        this.enforceSeparationOfDuties = enforceSeparationOfDuties;
        this.guardrails = guardrails;
        this.identities = identities;
        identities.principals().forEach(p -> principals.putIfAbsent(p.arn(), p));
    }

    @Override
    public AuthzDecision decide(AuthzRequest request) {
        return toAuthz(guardrails.enforce(evaluator.evaluate(requests.build(request))));
    }

    /** The same evaluation as {@link #decide}, with every guardrail's verdict attached (IAM denials too). */
    @Override
    public Optional<AccessExplanation> explain(AuthzRequest request) {
        Explanation x = Explainer.explain(guardrails.apply(evaluator.evaluate(requests.build(request))));
        return Optional.of(new AccessExplanation(x.decision(), x.deciding(), TextRenderer.render(x),
                JsonRenderer.render(x)));
    }

    @Override
    public Optional<Principal> principal(String arn) {
        Principal known = principals.get(arn);
        if (known != null) {
            return Optional.of(known);
        }
        String[] parts = arn.split(":", -1);
        boolean root = parts.length == 6 && arn.startsWith("arn:aws:iam::") && parts[5].equals("root");
        return root && AccountId.isValid(parts[4]) && identities.accountExists(parts[4])
                ? Optional.of(Principal.root(new AccountId(parts[4]), "")) : Optional.empty();
    }

    @Override
    public Optional<KmsException> checkPolicyWrite(AuthzRequest request, String newPolicy) {
        AuthorizationRequest engine = requests.build(request);
        KeyFacts target = engine.hasKeyResource() ? engine.key() : EngineRequests.newKey(request);
        Decision d = KeyPolicyChange.check(evaluator, engine, newPolicy, directory, target);
        if (d.policyCheck() == null || d.outcome() == Outcome.MALFORMED) {
            return Optional.ofNullable(DenialMessages.toException(d));
        }
        if (enforceSeparationOfDuties) {
            Optional<KmsException> sod = separationOfDuties(d.policyCheck().document());
            if (sod.isPresent()) {
                return sod;
            }
        }
        return Optional.ofNullable(DenialMessages.toException(d));
    }

    /** kms-api §1.3 messages; the explanation names the path, and the deciding statements (E20) go to the audit. */
    static AuthzDecision toAuthz(Decision d) {
        AuthzDecision.Outcome outcome = switch (d.outcome()) {
            case ALLOW -> AuthzDecision.Outcome.ALLOW;
            // a guardrail is a forbid policy: an explicit deny, as a service control policy's is in AWS
            case EXPLICIT_DENY, GUARDRAIL_DENY -> AuthzDecision.Outcome.EXPLICIT_DENY;
            default -> AuthzDecision.Outcome.IMPLICIT_DENY;
        };
        String message = d.allowed() ? "" : DenialMessages.accessDenied(d);
        return new AuthzDecision(outcome, message, d.path() + ": " + String.join(", ", d.deciding()), d.deciding());
    }

    /**
     * key-policy-semantics D4 SOD-001 as a write rule: no principal but an account may hold both administrative
     * and usage actions. The message names the statements, the principal and one action of each kind.
     */
    static Optional<KmsException> separationOfDuties(PolicyDocument doc) {
        List<SeparationOfDuties.Finding> findings = SeparationOfDuties.findings(doc);
        if (findings.isEmpty()) {
            return Optional.empty();
        }
        SeparationOfDuties.Finding f = findings.get(0);
        return Optional.of(new KmsException(KmsError.MalformedPolicyDocument, "SeparationOfDuties: "
                + String.join(", ", SeparationOfDuties.violations(doc)) + " give " + f.principal()
                + " both administrative actions (kms:" + f.administrative().iterator().next() + " ...) and usage "
                + "actions (kms:" + f.usage().iterator().next() + " ...); this server enforces separation of "
                + "duties (kms.policy.enforceSeparationOfDuties)."));
    }
}
