package io.kmsd.core.store;

/** The database failed (not a client error); kms-api maps it to an internal error. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
