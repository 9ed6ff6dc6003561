package io.kmsd.policy.eval;

import io.kmsd.core.error.KmsError;
import io.kmsd.policy.request.AuthorizationRequest;
import java.util.List;
import java.util.Optional;

/**
 * The answer to an {@link AuthorizationRequest}: outcome, the path taken, the deciding references exactly as
 * E20 formats them, the evidence they came from, for policy writes the phases of the check, and the verdicts of
 * the guardrails when they were evaluated (empty otherwise). The full statement-by-statement explanation (X) is
 * computed on demand by {@code io.kmsd.policy.explain.Explainer}, so the request path stays cheap.
 */
public record Decision(Outcome outcome, Path path, List<String> deciding, AuthorizationRequest request,
        Evidence evidence, PolicyCheck policyCheck, List<GuardrailVerdict> guardrails) {

    public static final String MALFORMED_POLICY = "malformedPolicy";
    public static final String LOCKOUT_SAFETY_CHECK = "lockoutSafetyCheck";
    /** Prefix of the deciding reference of a guardrail policy: {@code guardrail:<policy id>}. */
    public static final String GUARDRAIL_PREFIX = "guardrail:";

    public Decision {
        if (outcome == null || path == null || deciding == null || deciding.isEmpty() || request == null
                || evidence == null) {
            throw new IllegalArgumentException("a decision needs an outcome, a path, deciding refs and its evidence");
        }
        deciding = List.copyOf(deciding);
        guardrails = guardrails == null ? List.of() : List.copyOf(guardrails);
    }

    public Decision(Outcome outcome, Path path, List<String> deciding, AuthorizationRequest request,
            Evidence evidence, PolicyCheck policyCheck) {
        this(outcome, path, deciding, request, evidence, policyCheck, List.of());
    }

    /**
     * This decision after the guardrails (DESIGN.md: they can only deny, like SCPs): an ALLOW becomes
     * {@link Outcome#GUARDRAIL_DENY} decided by {@code guardrail:<id>} for each forbidding policy; any other
     * outcome stays, carrying the verdicts for the explanation.
     */
    public Decision withGuardrails(List<GuardrailVerdict> verdicts) {
        List<String> forbidding = verdicts.stream().filter(GuardrailVerdict::forbids)
                .map(v -> GUARDRAIL_PREFIX + v.policyId()).toList();
        if (allowed() && !forbidding.isEmpty()) {
            return new Decision(Outcome.GUARDRAIL_DENY, path, forbidding, request, evidence, policyCheck, verdicts);
        }
        return new Decision(outcome, path, deciding, request, evidence, policyCheck, verdicts);
    }

    public boolean allowed() {
        return outcome.allowed();
    }

    /** {@code ALLOW} or {@code DENY} (X1 {@code decision}). */
    public String decision() {
        return allowed() ? "ALLOW" : "DENY";
    }

    public Optional<PolicyCheck> policyCheckIfAny() {
        return Optional.ofNullable(policyCheck);
    }

    /**
     * The error a denied request fails with: AccessDenied, or for policy writes MalformedPolicyDocument
     * (malformed policy, lockout) or LimitExceeded (size). Null when allowed.
     */
    public KmsError error() {
        return switch (outcome) {
            case ALLOW -> null;
            case MALFORMED -> policyCheck != null && policyCheck.error() != null
                    ? policyCheck.error().error() : KmsError.MalformedPolicyDocument;
            case LOCKOUT -> KmsError.MalformedPolicyDocument;
            default -> KmsError.AccessDenied;
        };
    }

    @Override
    public String toString() {
        return "Decision[" + outcome + " " + deciding + "]";
    }
}
