package io.kmsd.policy.testing;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a bare principal string into a V2 {@code caller} object, so suites and {@code ./kms explain --principal}
 * can name callers by ARN alone: a user, an assumed-role session, a federated user, an account (id or root ARN:
 * the root user), a service principal, or a role ARN (a session of that role named {@code session}).
 */
public final class CallerShorthand {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Pattern IAM = Pattern.compile("arn:aws[a-z-]*:iam::(\\d{12}):(user|role)/(.+)");
    private static final Pattern STS = Pattern.compile(
            "arn:(aws[a-z-]*):sts::(\\d{12}):(assumed-role|federated-user)/([^/]+)(?:/([^/]+))?");
    private static final Pattern ROOT = Pattern.compile("arn:aws[a-z-]*:iam::(\\d{12}):root");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    /** The session name given to callers named by a role ARN. */
    public static final String ROLE_SESSION = "session";

    private CallerShorthand() {
    }

    /**
     * The caller object for a principal string.
     *
     * @throws IllegalArgumentException when the string is none of the recognised forms
     */
    public static ObjectNode of(String principal) {
        if (principal == null || principal.isEmpty()) {
            throw new IllegalArgumentException("a caller needs a principal ARN");
        }
        if (ACCOUNT.matcher(principal).matches()) {
            return caller("arn:aws:iam::" + principal + ":root", "Root", principal);
        }
        Matcher m = ROOT.matcher(principal);
        if (m.matches()) {
            return caller(principal, "Root", m.group(1));
        }
        if ((m = IAM.matcher(principal)).matches()) {
            return m.group(2).equals("user") ? caller(principal, "User", m.group(1)) : roleSession(principal, m);
        }
        if ((m = STS.matcher(principal)).matches()) {
            return sts(principal, m);
        }
        if (principal.endsWith(".amazonaws.com") || principal.endsWith(".amazonaws.com.cn")) {
            return F.objectNode().put("arn", principal).put("type", "Service");
        }
        throw new IllegalArgumentException("'" + principal + "' is not a user, role, assumed-role, federated-user,"
                + " account or service principal");
    }

    private static ObjectNode roleSession(String roleArn, Matcher m) {
        String name = roleArn.substring(roleArn.lastIndexOf('/') + 1);
        String session = "arn:aws:sts::" + m.group(1) + ":assumed-role/" + name + "/" + ROLE_SESSION;
        return caller(session, "AssumedRole", m.group(1)).put("roleArn", roleArn);
    }

    private static ObjectNode sts(String arn, Matcher m) {
        boolean session = m.group(3).equals("assumed-role");
        if (session && m.group(5) == null) {
            throw new IllegalArgumentException("'" + arn + "' needs a session name: assumed-role/ROLE/SESSION");
        }
        if (!session && m.group(5) != null) {
            throw new IllegalArgumentException("'" + arn + "' is not a federated-user ARN");
        }
        return caller(arn, session ? "AssumedRole" : "FederatedUser", m.group(2));
    }

    private static ObjectNode caller(String arn, String type, String account) {
        return F.objectNode().put("arn", arn).put("type", type).put("account", account);
    }
}
