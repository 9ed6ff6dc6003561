package io.kmsd.policy.principal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One value of a Principal/NotPrincipal element, validated against the G7 forms (key-policy-semantics G7, G8a/b).
 * Account ids are stored in their root-ARN form's account; every other ARN is kept exactly as written.
 */
public record PrincipalEntry(Kind kind, String value, String account) {

    /** The G7 shapes. */
    public enum Kind { ANYONE, ANY_AWS, ACCOUNT, USER, ROLE, SESSION, FEDERATED_USER, SERVICE, OTHER }

    private static final String NAME = "[A-Za-z0-9_+=,.@-]+";
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern ROOT = Pattern.compile("arn:aws[a-z-]*:iam::(\\d{12}):root");
    private static final Pattern USER = Pattern.compile("arn:aws[a-z-]*:iam::(\\d{12}):user/(" + NAME + "/)*" + NAME);
    private static final Pattern ROLE = Pattern.compile("arn:aws[a-z-]*:iam::(\\d{12}):role/(" + NAME + "/)*" + NAME);
    private static final Pattern SESSION =
            Pattern.compile("arn:aws[a-z-]*:sts::(\\d{12}):assumed-role/(" + NAME + ")/" + NAME);
    private static final Pattern FEDERATED = Pattern.compile("arn:aws[a-z-]*:sts::(\\d{12}):federated-user/" + NAME);
    private static final Pattern SERVICE = Pattern.compile("[a-z0-9-]+(\\.[a-z0-9-]+)*\\.amazonaws\\.com(\\.cn)?");

    public PrincipalEntry {
        if (kind == null || value == null) {
            throw new IllegalArgumentException("a principal entry needs a kind and a value");
        }
    }

    /** The bare {@code "Principal": "*"}. */
    public static PrincipalEntry anyone() {
        return new PrincipalEntry(Kind.ANYONE, "*", null);
    }

    /**
     * Parses one value of member {@code AWS}, {@code Service}, {@code Federated} or {@code CanonicalUser}.
     *
     * @throws IllegalArgumentException with the reason when the value is not a G7 form
     */
    public static PrincipalEntry parse(String member, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("empty principal");
        }
        return switch (member) {
            case "AWS" -> aws(value);
            case "Service" -> service(value);
            case "Federated", "CanonicalUser" -> new PrincipalEntry(Kind.OTHER, member + ":" + value, null);
            default -> throw new IllegalArgumentException("unknown principal type '" + member + "'");
        };
    }

    private static PrincipalEntry aws(String v) {
        if (v.equals("*")) {
            return new PrincipalEntry(Kind.ANY_AWS, v, null);
        }
        if (v.indexOf('*') >= 0 || v.indexOf('?') >= 0) {
            throw new IllegalArgumentException("wildcards are not allowed in '" + v + "' (only a bare *)");
        }
        if (ACCOUNT_ID.matcher(v).matches()) {
            return new PrincipalEntry(Kind.ACCOUNT, "arn:aws:iam::" + v + ":root", v);
        }
        for (Kind k : new Kind[] {Kind.ACCOUNT, Kind.USER, Kind.ROLE, Kind.SESSION, Kind.FEDERATED_USER}) {
            Matcher m = patternOf(k).matcher(v);
            if (m.matches()) {
                return new PrincipalEntry(k, k == Kind.ACCOUNT ? "arn:aws:iam::" + m.group(1) + ":root" : v, m.group(1));
            }
        }
        throw new IllegalArgumentException("'" + v + "' is not an account, user, role, assumed-role or federated-user");
    }

    private static Pattern patternOf(Kind k) {
        return switch (k) {
            case ACCOUNT -> ROOT;
            case USER -> USER;
            case ROLE -> ROLE;
            case SESSION -> SESSION;
            default -> FEDERATED;
        };
    }

    private static PrincipalEntry service(String v) {
        if (v.indexOf('*') >= 0 || v.indexOf('?') >= 0) {
            throw new IllegalArgumentException("wildcards are not allowed in service principal '" + v + "'");
        }
        if (!SERVICE.matcher(v).matches()) {
            throw new IllegalArgumentException("'" + v + "' is not a service principal name");
        }
        return new PrincipalEntry(Kind.SERVICE, v, null);
    }

    /** For a session entry, the role name it belongs to (G8c checks the role only). */
    public String sessionRoleName() {
        if (kind != Kind.SESSION) {
            throw new IllegalStateException("not a session entry");
        }
        Matcher m = SESSION.matcher(value);
        if (!m.matches()) {
            throw new IllegalStateException("session entry no longer matches its pattern");
        }
        return m.group(2);
    }
}
