package io.kmsd.policy.template;

/** The key types whose usage statements differ in the console template (D2). */
public enum KeyType {
    SYMMETRIC, ASYMMETRIC_ENCRYPT, SIGN_VERIFY, HMAC, KEY_AGREEMENT;

    /** From a key's KeyUsage and KeySpec. */
    public static KeyType of(String keyUsage, String keySpec) {
        return switch (keyUsage) {
            case "SIGN_VERIFY" -> SIGN_VERIFY;
            case "GENERATE_VERIFY_MAC" -> HMAC;
            case "KEY_AGREEMENT" -> KEY_AGREEMENT;
            default -> "SYMMETRIC_DEFAULT".equals(keySpec) ? SYMMETRIC : ASYMMETRIC_ENCRYPT;
        };
    }
}
