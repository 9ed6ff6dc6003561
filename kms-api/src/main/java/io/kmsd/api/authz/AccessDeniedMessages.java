package io.kmsd.api.authz;

/**
 * The AccessDeniedException message of kms-api §1.3 that does not come from a policy decision; the others
 * ({@code User: <arn> is not authorized to perform: ...}) are kms-policy's {@code DenialMessages}.
 */
public final class AccessDeniedMessages {
    private AccessDeniedMessages() {
    }

    /** Decrypt/ReEncrypt whose blob names a missing, other-Region or inaccessible key. */
    public static String ciphertextKeyInaccessible() {
        return "The ciphertext refers to a customer master key that does not exist, does not exist in this region, "
                + "or you are not allowed to access.";
    }
}
