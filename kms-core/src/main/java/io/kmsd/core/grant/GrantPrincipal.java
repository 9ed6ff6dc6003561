package io.kmsd.core.grant;

import java.util.regex.Pattern;

/**
 * A grantee or retiring principal (kms-api §2 "Principal", §4.9): 1–256 characters of {@code [\w+=,.@:/-]},
 * naming an account (12 digits) or an IAM user, role, account root, role session or federated user, in any
 * account. Service principals, groups and organizations cannot receive grants.
 */
public record GrantPrincipal(String value) {
    public static final int MAX_LENGTH = 256;
    public static final String PATTERN = "^[\\w+=,.@:/-]+$";
    private static final Pattern SHAPE = Pattern.compile(PATTERN);
    private static final Pattern GRANTABLE = Pattern.compile("\\d{12}"
            + "|arn:aws(-cn|-us-gov)?:iam::\\d{12}:(root|user/.+|role/.+)"
            + "|arn:aws(-cn|-us-gov)?:sts::\\d{12}:(assumed-role/[^/]+/.+|federated-user/.+)");

    public GrantPrincipal {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a principal that can receive a grant");
        }
    }

    public static boolean isValid(String text) {
        return text != null && text.length() <= MAX_LENGTH && SHAPE.matcher(text).matches()
                && GRANTABLE.matcher(text).matches();
    }

    /**
     * Parses a principal parameter; {@code path} names it in the message ({@code granteePrincipal},
     * {@code retiringPrincipal}). Any failure is a ValidationException (kms-api §4.9).
     */
    public static GrantPrincipal parse(String text, String path) {
        if (text == null || text.isEmpty()) {
            throw GrantErrors.constraint(text == null ? "" : text, path,
                    "Member must have length greater than or equal to 1");
        }
        if (text.length() > MAX_LENGTH) {
            throw GrantErrors.constraint(text, path, "Member must have length less than or equal to " + MAX_LENGTH);
        }
        if (!SHAPE.matcher(text).matches()) {
            throw GrantErrors.constraint(text, path, "Member must satisfy regular expression pattern: " + PATTERN);
        }
        if (!GRANTABLE.matcher(text).matches()) {
            throw io.kmsd.core.error.KmsException.validation(text + " is not a valid " + path + ": name an "
                    + "account, an IAM user or role, a role session or a federated user; service principals, "
                    + "groups and organizations cannot be named in a grant.");
        }
        return new GrantPrincipal(text);
    }

    /** True for a bare 12-digit account id. */
    public boolean isAccount() {
        return value.length() == 12 && value.chars().allMatch(Character::isDigit);
    }

    @Override
    public String toString() {
        return value;
    }
}
