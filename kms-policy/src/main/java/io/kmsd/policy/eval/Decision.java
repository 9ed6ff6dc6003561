package io.kmsd.policy.eval;

import io.kmsd.core.error.KmsError;
import io.kmsd.policy.request.AuthorizationRequest;
import java.util.List;
import java.util.Optional;

/**
 * The answer to an {@link AuthorizationRequest}: outcome, the path taken, the deciding references exactly as
 * E20 formats them, the evidence they came from, and for policy writes the phases of the check. The full
 * statement-by-statement explanation (X) is computed on demand by {@code io.kmsd.policy.explain.Explainer}, so
 * the request path stays cheap.
 */
public record Decision(Outcome outcome, Path path, List<String> deciding, AuthorizationRequest request,
        Evidence evidence, PolicyCheck policyCheck) {

    public static final String MALFORMED_POLICY = "malformedPolicy";
    public static final String LOCKOUT_SAFETY_CHECK = "lockoutSafetyCheck";

    public Decision {
        if (outcome == null || path == null || deciding == null || deciding.isEmpty() || request == null
                || evidence == null) {
            throw new IllegalArgumentException("a decision needs an outcome, a path, deciding refs and its evidence");
        }
        deciding = List.copyOf(deciding);
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
