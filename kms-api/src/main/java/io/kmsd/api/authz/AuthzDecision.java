package io.kmsd.api.authz;

import java.util.List;
import java.util.Objects;

/**
 * The authorizer's answer. A denial carries the AccessDeniedException message in the service's shape
 * (kms-api §1.3); both carry a short explanation (which rule decided) and the deciding statement or grant
 * references exactly as key-policy-semantics E20 formats them ({@code keyPolicy#<Sid>},
 * {@code identity:<name>#<Sid>}, {@code grant:<id>}, ...), for the audit trail and {@code ./kms explain}.
 */
public record AuthzDecision(Outcome outcome, String deniedMessage, String explanation, List<String> deciding) {

    /** As in kms-policy: an allow, an explicit deny, or no statement allowing the request. */
    public enum Outcome { ALLOW, EXPLICIT_DENY, IMPLICIT_DENY }

    public AuthzDecision {
        Objects.requireNonNull(outcome, "outcome");
        deniedMessage = deniedMessage == null ? "" : deniedMessage;
        explanation = explanation == null ? "" : explanation;
        deciding = deciding == null ? List.of() : List.copyOf(deciding);
    }

    /** A decision without statement references (rules that are not policy statements). */
    public AuthzDecision(Outcome outcome, String deniedMessage, String explanation) {
        this(outcome, deniedMessage, explanation, List.of());
    }

    public static AuthzDecision allow(String explanation) {
        return new AuthzDecision(Outcome.ALLOW, "", explanation);
    }

    public boolean allowed() {
        return outcome == Outcome.ALLOW;
    }
}
