package io.kmsd.api;

/** The server cannot start for a reason the operator can fix; the message says which and how, no stack trace. */
public final class StartupException extends RuntimeException {
    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
