package io.kmsd.api.auth;

/** The identities file is missing, unreadable or wrong; the message says where and what, never a secret. */
public final class IdentitiesException extends RuntimeException {
    public IdentitiesException(String message) {
        super(message);
    }

    public IdentitiesException(String message, Throwable cause) {
        super(message, cause);
    }
}
