package io.kmsd.policy.eval;

import io.kmsd.policy.principal.Principal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A deliberately naive reading of key-policy-semantics E2–E20, written straight from the spec text over the
 * generated model (no compiled matchers, no shared code with the engine). The property test checks the real
 * evaluator against it.
 */
final class NaiveReference {
    static final String KEY_ACCOUNT = "111122223333";
    static final Set<String> CROSS_ACCOUNT_OPS = Set.of("Decrypt", "DeriveSharedSecret", "DescribeKey", "Encrypt",
            "GenerateDataKey", "GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext",
            "GenerateDataKeyWithoutPlaintext", "GenerateMac", "GetKeyRotationStatus", "GetPublicKey", "ReEncryptFrom",
            "ReEncryptTo", "Sign", "Verify", "VerifyMac", "CreateGrant", "ListGrants", "RetireGrant", "RevokeGrant");

    /** A generated statement: principals are entries of {@link Who}; resource null = missing. */
    record Stmt(String sid, boolean allow, List<Who> principals, boolean notPrincipal, String action,
            boolean notAction, String resource, boolean notResource, Via via) {
    }

    /** Principal entries the generator can write. */
    enum Who {
        STAR, AWS_STAR, OWN_ACCOUNT, PARTNER_ACCOUNT, ALICE, BOB, APP_ROLE, APP_SESSION, CAROL, CLOUDTRAIL
    }

    /** Conditions the generator can write on kms:ViaService. */
    enum Via { NONE, EQUALS_RDS, NOT_EQUALS_RDS, EQUALS_RDS_IF_EXISTS }

    /** A generated grant. */
    record G(String id, String grantee, String retiring, Set<String> ops, boolean active) {
    }

    record Result(String decision, Set<String> deciding) {
    }

    static Result decide(Principal c, String op, String keyArn, List<Stmt> key, List<List<Stmt>> identity,
            List<G> grants, String via, String targetGrant) {
        boolean service = c.type() == io.kmsd.policy.principal.PrincipalType.Service;
        boolean same = !service && c.account().equals(KEY_ACCOUNT);
        if (!service && !same && !CROSS_ACCOUNT_OPS.contains(op)) {
            return new Result("DENY", Set.of("crossAccountUnsupported"));
        }
        List<String> denies = new ArrayList<>();
        List<String> direct = new ArrayList<>();
        List<String> account = new ArrayList<>();
        List<String> idAllows = new ArrayList<>();
        for (Stmt s : key) {
            String kind = applies(s, c, op, keyArn, via, true);
            if (kind == null) {
                continue;
            }
            if (!s.allow()) {
                denies.add("keyPolicy#" + s.sid());
            } else if (kind.equals("DIRECT")) {
                direct.add("keyPolicy#" + s.sid());
            } else {
                account.add("keyPolicy#" + s.sid());
            }
        }
        for (int p = 0; p < identity.size(); p++) {
            for (Stmt s : identity.get(p)) {
                if (applies(s, c, op, keyArn, via, false) != null) {
                    (s.allow() ? idAllows : denies).add("identity:p" + p + "#" + s.sid());
                }
            }
        }
        if (c.type() == io.kmsd.policy.principal.PrincipalType.Root && !same) {
            idAllows.add("identity:root-implicit");
        }
        if (!denies.isEmpty()) {
            return new Result("DENY", new LinkedHashSet<>(denies));
        }
        Set<String> allow = new LinkedHashSet<>();
        if (op.equals("RetireGrant")) {
            for (G g : grants) {
                if (g.id().equals(targetGrant) && g.active()) {
                    if (g.retiring() != null && names(g.retiring(), c, !idAllows.isEmpty())) {
                        allow.add("retire:retiringPrincipal:" + g.id());
                    }
                    if (g.ops().contains("RetireGrant") && names(g.grantee(), c, !idAllows.isEmpty())) {
                        allow.add("retire:grantee:" + g.id());
                    }
                    boolean issuing = !service && c.account().equals(KEY_ACCOUNT);
                    if (issuing && (c.type() == io.kmsd.policy.principal.PrincipalType.Root || !idAllows.isEmpty())) {
                        allow.add("retire:issuingAccount:" + g.id());
                    }
                }
            }
            return allow.isEmpty() ? new Result("DENY", Set.of("implicit")) : new Result("ALLOW", allow);
        }
        for (G g : grants) {
            if (g.active() && g.ops().contains(op) && names(g.grantee(), c, !idAllows.isEmpty())) {
                allow.add("grant:" + g.id());
            }
        }
        if (service) {
            allow.addAll(direct);
        } else if (same) {
            allow.addAll(direct);
            if (!account.isEmpty() && !idAllows.isEmpty()) {
                allow.addAll(account);
                allow.addAll(idAllows);
            }
        } else if ((!direct.isEmpty() || !account.isEmpty()) && !idAllows.isEmpty()) {
            allow.addAll(direct);
            allow.addAll(account);
            allow.addAll(idAllows);
        }
        return allow.isEmpty() ? new Result("DENY", Set.of("implicit")) : new Result("ALLOW", allow);
    }

    /** null = does not apply; otherwise DIRECT or ACCOUNT. */
    static String applies(Stmt s, Principal c, String op, String keyArn, String via, boolean keyPolicy) {
        if (s.resource() == null) {
            return null;
        }
        String kind = keyPolicy ? principal(s, c) : "DIRECT";
        boolean actionOk = glob(s.action(), "kms:" + op, true) != s.notAction();
        boolean resourceOk = resource(s.resource(), keyArn) != s.notResource();
        boolean conditionOk = switch (s.via()) {
            case NONE -> true;
            case EQUALS_RDS -> "rds.us-east-1.amazonaws.com".equals(via);
            case NOT_EQUALS_RDS -> !"rds.us-east-1.amazonaws.com".equals(via);
            case EQUALS_RDS_IF_EXISTS -> via == null || via.equals("rds.us-east-1.amazonaws.com");
        };
        return kind != null && actionOk && resourceOk && conditionOk ? kind : null;
    }

    private static String principal(Stmt s, Principal c) {
        if (s.notPrincipal()) {
            for (String link : c.chain()) {
                boolean listed = false;
                for (Who w : s.principals()) {
                    listed |= w == Who.STAR || (w == Who.AWS_STAR && c.type() != io.kmsd.policy.principal.PrincipalType.Service)
                            || link.equals(arnOf(w));
                }
                if (!listed) {
                    return "DIRECT";
                }
            }
            return null;
        }
        String best = null;
        for (Who w : s.principals()) {
            String k = kind(w, c);
            if ("DIRECT".equals(k) || (k != null && best == null)) {
                best = k;
            }
        }
        return best;
    }

    private static String kind(Who w, Principal c) {
        boolean service = c.type() == io.kmsd.policy.principal.PrincipalType.Service;
        return switch (w) {
            case STAR -> "DIRECT";
            case AWS_STAR -> service ? null : "DIRECT";
            case OWN_ACCOUNT, PARTNER_ACCOUNT -> !service && arnOf(w).equals(c.rootArn())
                    ? (c.type() == io.kmsd.policy.principal.PrincipalType.Root ? "DIRECT" : "ACCOUNT") : null;
            case APP_ROLE -> arnOf(w).equals(c.roleArn()) ? "DIRECT" : null;
            default -> arnOf(w).equals(c.arn()) ? "DIRECT" : null;
        };
    }

    static String arnOf(Who w) {
        return switch (w) {
            case STAR, AWS_STAR -> "*";
            case OWN_ACCOUNT -> "arn:aws:iam::111122223333:root";
            case PARTNER_ACCOUNT -> "arn:aws:iam::444455556666:root";
            case ALICE -> "arn:aws:iam::111122223333:user/alice";
            case BOB -> "arn:aws:iam::111122223333:user/bob";
            case APP_ROLE -> "arn:aws:iam::111122223333:role/AppRole";
            case APP_SESSION -> "arn:aws:sts::111122223333:assumed-role/AppRole/etl-17";
            case CAROL -> "arn:aws:iam::444455556666:user/carol";
            case CLOUDTRAIL -> "cloudtrail.amazonaws.com";
        };
    }

    private static boolean names(String grantee, Principal c, boolean identityAllowed) {
        if (grantee.equals(c.arn()) || grantee.equals(c.roleArn())) {
            return true;
        }
        return grantee.equals(c.rootArn()) && (c.type() == io.kmsd.policy.principal.PrincipalType.Root || identityAllowed);
    }

    private static boolean resource(String pattern, String arn) {
        if (pattern.equals("*")) {
            return true;
        }
        String[] p = pattern.split(":", 6);
        String[] a = arn.split(":", 6);
        if (p.length < 6 || a.length < 6) {
            return false;
        }
        for (int i = 0; i < 6; i++) {
            if (!glob(p[i], a[i], false)) {
                return false;
            }
        }
        return true;
    }

    static boolean glob(String pattern, String value, boolean ignoreCase) {
        StringBuilder re = new StringBuilder();
        for (char ch : pattern.toCharArray()) {
            re.append(ch == '*' ? ".*" : ch == '?' ? "." : Pattern.quote(String.valueOf(ch)));
        }
        Pattern p = Pattern.compile(re.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.DOTALL : Pattern.DOTALL);
        return p.matcher(ignoreCase ? value.toLowerCase(Locale.ROOT) : value).matches();
    }
}
