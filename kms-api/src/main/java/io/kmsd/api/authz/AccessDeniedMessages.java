package io.kmsd.api.authz;

/** The AccessDeniedException messages of kms-api §1.3, built in one place. */
public final class AccessDeniedMessages {
    private AccessDeniedMessages() {
    }

    /** {@code User: <arn> is not authorized to perform: <action> on resource: <key-arn> because no
     * resource-based policy allows the <action> action}. */
    public static String noResourcePolicyAllows(AuthzRequest r) {
        return prefix(r) + " because no resource-based policy allows the " + r.action() + " action";
    }

    /** {@code ... because no identity-based policy allows the <action> action}. */
    public static String noIdentityPolicyAllows(AuthzRequest r) {
        return prefix(r) + " because no identity-based policy allows the " + r.action() + " action";
    }

    /** {@code ... with an explicit deny in a resource-based policy} (or identity-based). */
    public static String explicitDeny(AuthzRequest r, boolean inResourcePolicy) {
        return prefix(r) + " with an explicit deny in " + (inResourcePolicy ? "a resource-based" : "an identity-based")
                + " policy";
    }

    /** Decrypt/ReEncrypt whose blob names a missing, other-Region or inaccessible key. */
    public static String ciphertextKeyInaccessible() {
        return "The ciphertext refers to a customer master key that does not exist, does not exist in this region, "
                + "or you are not allowed to access.";
    }

    private static String prefix(AuthzRequest r) {
        return "User: " + r.principal().arn() + " is not authorized to perform: " + r.action() + " on resource: "
                + r.resource();
    }
}
