package io.kmsd.api.authz;

import java.util.Objects;

/**
 * The authorizer's answer. A denial carries the AccessDeniedException message in the service's shape
 * (kms-api §1.3) and both carry a short explanation (which rule decided) for the audit trail and
 * {@code ./kms explain}.
 */
public record AuthzDecision(Outcome outcome, String deniedMessage, String explanation) {

    /** As in kms-policy: an allow, an explicit deny, or no statement allowing the request. */
    public enum Outcome { ALLOW, EXPLICIT_DENY, IMPLICIT_DENY }

    public AuthzDecision {
        Objects.requireNonNull(outcome, "outcome");
        deniedMessage = deniedMessage == null ? "" : deniedMessage;
        explanation = explanation == null ? "" : explanation;
    }

    public static AuthzDecision allow(String explanation) {
        return new AuthzDecision(Outcome.ALLOW, "", explanation);
    }

    public boolean allowed() {
        return outcome == Outcome.ALLOW;
    }
}
