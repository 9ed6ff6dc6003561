package io.kmsd.audit;

/**
 * The audit trail could not be written, so the request it belongs to must be refused. The message
 * names the failure (file, I/O error), never event content.
 */
public final class AuditUnavailableException extends RuntimeException {
    public AuditUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
