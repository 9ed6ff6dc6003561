package io.kmsd.policy.document;

import io.kmsd.core.error.KmsError;
import io.kmsd.core.error.KmsException;

/**
 * Why a policy was rejected (G15): the failure name, the statement index and Sid when the failure lies in a
 * statement (index -1 otherwise), the element and the reason. {@link #message()} is the client-facing text.
 */
public record PolicyViolation(PolicyFailure failure, int statementIndex, String sid, String element, String reason) {

    public PolicyViolation {
        if (failure == null || reason == null) {
            throw new IllegalArgumentException("a violation needs a failure and a reason");
        }
    }

    public static PolicyViolation document(PolicyFailure failure, String reason) {
        return new PolicyViolation(failure, -1, null, null, reason);
    }

    /** e.g. {@code InvalidPrincipal: statement [1] (Sid "AllowOps"), Principal: wildcards are not allowed ...}. */
    public String message() {
        StringBuilder sb = new StringBuilder(failure.name()).append(": ");
        if (statementIndex >= 0) {
            sb.append("statement [").append(statementIndex).append(']');
            if (sid != null && !sid.isEmpty()) {
                sb.append(" (Sid \"").append(sid).append("\")");
            }
            sb.append(", ");
        }
        if (element != null) {
            sb.append(element).append(": ");
        }
        return sb.append(reason).toString();
    }

    public KmsException toException() {
        return new KmsException(KmsError.MalformedPolicyDocument, message());
    }
}
