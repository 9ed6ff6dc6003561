package io.kmsd.core.crypto;

/** The root key cannot be loaded; the service must not start. The message never contains key bytes. */
public final class RootKeyException extends IllegalStateException {
    public RootKeyException(String message) {
        super(message);
    }

    public RootKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
