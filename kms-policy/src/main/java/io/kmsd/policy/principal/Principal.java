package io.kmsd.policy.principal;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An authenticated caller (key-policy-semantics section 1): ARN, type, account (none for service principals),
 * the role ARN of an assumed-role session, unique id, tags and organization id. The identity chain of E5 and the
 * account root ARN are computed once here.
 */
public final class Principal {
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern SESSION =
            Pattern.compile("arn:(aws[a-z-]*):sts::(\\d{12}):assumed-role/([^/]+)/([^/]+)");

    private final String arn;
    private final PrincipalType type;
    private final String account;
    private final String roleArn;
    private final String userId;
    private final Map<String, String> tags;
    private final String orgId;
    private final String rootArn;
    private final List<String> chain;

    private Principal(String arn, PrincipalType type, String account, String roleArn, String userId,
            Map<String, String> tags, String orgId) {
        this.arn = arn;
        this.type = type;
        this.account = account;
        this.roleArn = roleArn;
        this.userId = userId;
        this.tags = tags == null ? Map.of() : Map.copyOf(tags);
        this.orgId = orgId;
        this.rootArn = account == null ? null : "arn:aws:iam::" + account + ":root";
        this.chain = buildChain();
    }

    /**
     * Validates and builds a caller. A session without {@code roleArn} gets the role ARN derived from its own
     * ARN (without a path); a root caller's ARN must be its account's root ARN.
     */
    public static Principal of(String arn, PrincipalType type, String account, String roleArn, String userId,
            Map<String, String> tags, String orgId) {
        if (arn == null || arn.isEmpty() || type == null) {
            throw new IllegalArgumentException("a caller needs an ARN and a type");
        }
        if (type == PrincipalType.Service) {
            return new Principal(arn, type, null, null, userId, tags, null);
        }
        if (account == null || !ACCOUNT.matcher(account).matches()) {
            throw new IllegalArgumentException("caller account must be 12 digits");
        }
        if (type == PrincipalType.Root && !arn.equals("arn:aws:iam::" + account + ":root")) {
            throw new IllegalArgumentException("a root caller's ARN must be arn:aws:iam::" + account + ":root");
        }
        String role = type == PrincipalType.AssumedRole && roleArn == null ? roleOf(arn) : roleArn;
        return new Principal(arn, type, account, role, userId, tags, orgId);
    }

    public static Principal user(String arn, String account) {
        return of(arn, PrincipalType.User, account, null, null, null, null);
    }

    public static Principal root(String account) {
        return of("arn:aws:iam::" + account + ":root", PrincipalType.Root, account, null, account, null, null);
    }

    public static Principal session(String sessionArn, String roleArn, String account) {
        return of(sessionArn, PrincipalType.AssumedRole, account, roleArn, null, null, null);
    }

    public static Principal service(String name) {
        return of(name, PrincipalType.Service, null, null, null, null, null);
    }

    private static String roleOf(String sessionArn) {
        Matcher m = SESSION.matcher(sessionArn);
        if (!m.matches()) {
            throw new IllegalArgumentException("not an assumed-role session ARN");
        }
        return "arn:" + m.group(1) + ":iam::" + m.group(2) + ":role/" + m.group(3);
    }

    /** E5: the ARNs (or service name) whose listing in NotPrincipal exempts this caller, all of them needed. */
    private List<String> buildChain() {
        return switch (type) {
            case User, FederatedUser -> List.of(rootArn, arn);
            case AssumedRole -> List.of(rootArn, roleArn, arn);
            case Root -> List.of(rootArn);
            case Service -> List.of(arn);
        };
    }

    public String arn() {
        return arn;
    }

    public PrincipalType type() {
        return type;
    }

    /** The caller's account (CA); null for a service principal. */
    public String account() {
        return account;
    }

    public String roleArn() {
        return roleArn;
    }

    public String userId() {
        return userId;
    }

    public Map<String, String> tags() {
        return tags;
    }

    public String orgId() {
        return orgId;
    }

    public String rootArn() {
        return rootArn;
    }

    public List<String> chain() {
        return chain;
    }

    public boolean isService() {
        return type == PrincipalType.Service;
    }

    public boolean isRoot() {
        return type == PrincipalType.Root;
    }

    /** {@code aws:PrincipalArn} (K1): the role ARN for a session, absent (null) for services. */
    public String principalArn() {
        return switch (type) {
            case AssumedRole -> roleArn;
            case Service -> null;
            default -> arn;
        };
    }

    /** {@code aws:username} (K1): an IAM user's friendly name; null for every other caller type. */
    public String userName() {
        return type == PrincipalType.User ? arn.substring(arn.lastIndexOf('/') + 1) : null;
    }

    /** The session name of an assumed-role caller or the name of a federated user; null otherwise. */
    public String sessionName() {
        return type == PrincipalType.AssumedRole || type == PrincipalType.FederatedUser
                ? arn.substring(arn.lastIndexOf('/') + 1) : null;
    }

    @Override
    public String toString() {
        return type + "[" + arn + "]";
    }
}
