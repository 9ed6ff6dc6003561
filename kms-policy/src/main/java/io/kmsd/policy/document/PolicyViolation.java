package io.kmsd.policy.document;

import io.kmsd.core.error.KmsError;
import io.kmsd.core.error.KmsException;

/**
 * Why a policy was rejected (G15): the failure name, the statement index and Sid when the failure lies in a
 * statement (index -1 otherwise), the element, the reason, and the RFC 6901 JSON pointer of the offending value
 * ({@code ""} for the whole document). {@link #message()} is the client-facing text.
 */
public record PolicyViolation(PolicyFailure failure, int statementIndex, String sid, String element, String reason,
        String pointer) {

    public PolicyViolation {
        if (failure == null || reason == null) {
            throw new IllegalArgumentException("a violation needs a failure and a reason");
        }
        pointer = pointer == null ? "" : pointer;
    }

    /** A violation pointing at the statement's array element (or at the element itself when given). */
    public PolicyViolation(PolicyFailure failure, int statementIndex, String sid, String element, String reason) {
        this(failure, statementIndex, sid, element, reason, statementIndex < 0 ? ""
                : element == null ? "/Statement/" + statementIndex
                : JsonPointers.child("/Statement/" + statementIndex, element));
    }

    public static PolicyViolation document(PolicyFailure failure, String reason) {
        return new PolicyViolation(failure, -1, null, null, reason, "");
    }

    public static PolicyViolation document(PolicyFailure failure, String reason, String pointer) {
        return new PolicyViolation(failure, -1, null, null, reason, pointer);
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

    /** MalformedPolicyDocumentException, or LimitExceededException for the G13 size quota. */
    public KmsException toException() {
        if (failure == PolicyFailure.LimitExceeded) {
            return new KmsException(KmsError.LimitExceeded, reason);
        }
        return new KmsException(KmsError.MalformedPolicyDocument, message());
    }
}
