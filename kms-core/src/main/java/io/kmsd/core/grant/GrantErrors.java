package io.kmsd.core.grant;

import io.kmsd.core.error.KmsError;
import io.kmsd.core.error.KmsException;
import io.kmsd.core.key.KeyArn;

/** The AWS-shaped failures of grants, with their messages in one place. */
public final class GrantErrors {
    private static final int SHOWN_CHARS = 128;

    private GrantErrors() {
    }

    /** One ValidationException in the grammar of kms-api §1.3. */
    public static KmsException constraint(String value, String path, String rule) {
        String subject = value == null ? "Value at '" : "Value '" + shown(value) + "' at '";
        return KmsException.validation("1 validation error detected: " + subject + path
                + "' failed to satisfy constraint: " + rule);
    }

    /** kms-api §4.9: a GrantId that is not 64 lowercase hex digits. */
    public static KmsException malformedGrantId(String value) {
        return new KmsException(KmsError.InvalidGrantId, "Invalid GrantId '" + shown(value) + "'.");
    }

    /** kms-api §4.9 RevokeGrant/RetireGrant: no active grant with that id on that key (unverified wording). */
    public static KmsException notActiveOnKey(GrantId id, KeyArn key) {
        return new KmsException(KmsError.InvalidGrantId, "Grant " + id + " is not an active grant of key " + key
                + ".");
    }

    /** kms-api §4.0 GrantTokens: unparsable or unverifiable. Never echoes the token. */
    public static KmsException invalidToken() {
        return new KmsException(KmsError.InvalidGrantToken, "The grant token is not valid.");
    }

    /** kms-api §2 step 3. */
    public static KmsException keyNotFound(KeyArn key) {
        return KmsException.notFound("Key '" + key + "' does not exist");
    }

    private static String shown(String value) {
        return value.length() <= SHOWN_CHARS ? value : value.substring(0, SHOWN_CHARS) + "...";
    }
}
