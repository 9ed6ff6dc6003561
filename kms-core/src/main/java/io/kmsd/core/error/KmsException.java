package io.kmsd.core.error;

/**
 * A failure that has an AWS KMS error shape. The message goes to the client as is, so it must never
 * contain key material or plaintext. The one mapping to the wire lives in kms-api.
 */
public final class KmsException extends RuntimeException {
    private final KmsError error;

    public KmsException(KmsError error, String message) {
        super(message == null ? "" : message, null, false, false);
        this.error = error;
    }

    public KmsError error() {
        return error;
    }

    public static KmsException of(KmsError error, String message) {
        return new KmsException(error, message);
    }

    public static KmsException notFound(String message) {
        return new KmsException(KmsError.NotFound, message);
    }

    public static KmsException validation(String message) {
        return new KmsException(KmsError.Validation, message);
    }

    public static KmsException invalidState(String message) {
        return new KmsException(KmsError.KMSInvalidState, message);
    }

    /** AWS sends an empty message for InvalidCiphertextException (kms-api.md §1.2). */
    public static KmsException invalidCiphertext() {
        return new KmsException(KmsError.InvalidCiphertext, "");
    }
}
