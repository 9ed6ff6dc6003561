package io.kmsd.policy.cedar;

import io.kmsd.policy.document.Statement;
import io.kmsd.policy.principal.PrincipalEntry;
import io.kmsd.policy.principal.PrincipalEntry.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * The principal part of a translated statement (key-policy-semantics E4, E5, E7–E10). An Allow holds for a caller
 * it names directly when the caller is a service, of the key's account, or identity-allowed (E8); for a caller
 * whose account it names, only when identity-allowed (delegation, E7b, E8). A Deny holds for every principal of a
 * named account (E4); a NotPrincipal Deny for every caller whose identity chain is not wholly listed (E5).
 */
final class PrincipalClause {
    static final String SAME_ACCOUNT = "(principal is Kms::Service || (principal has account && principal.account"
            + " == resource.account) || context.identityAllowed)";

    private PrincipalClause() {
    }

    static String allow(Statement s) {
        List<String> direct = new ArrayList<>();
        List<String> account = new ArrayList<>();
        for (PrincipalEntry e : s.principals().entries()) {
            if (e.kind() == Kind.ACCOUNT) {
                direct.add("principal == " + CedarText.uid("Root", e.value()));
                account.add("(principal in " + CedarText.uid("Account", e.account()) + " && !(principal is Kms::Root))");
            } else {
                direct.add(direct(e));
            }
        }
        direct.removeIf("false"::equals);
        List<String> parts = new ArrayList<>();
        if (direct.contains("true")) {
            parts.add(SAME_ACCOUNT);
        } else if (!direct.isEmpty()) {
            parts.add("(" + ConditionTranslator.or(direct) + " && " + SAME_ACCOUNT + ")");
        }
        if (!account.isEmpty()) {
            parts.add("(" + ConditionTranslator.or(account) + " && context.identityAllowed)");
        }
        return parts.isEmpty() ? "false" : ConditionTranslator.or(parts);
    }

    static String deny(Statement s) {
        if (s.notPrincipal()) {
            return "!" + paren(exempt(s.principals().entries()));
        }
        List<String> any = new ArrayList<>();
        for (PrincipalEntry e : s.principals().entries()) {
            any.add(e.kind() == Kind.ACCOUNT ? "principal in " + CedarText.uid("Account", e.account()) : direct(e));
        }
        any.removeIf("false"::equals);
        return any.isEmpty() ? "false" : ConditionTranslator.or(any);
    }

    /** E4: the entry names the caller itself. */
    private static String direct(PrincipalEntry e) {
        return switch (e.kind()) {
            case ANYONE -> "true";
            case ANY_AWS -> "!(principal is Kms::Service)";
            case USER -> "principal == " + CedarText.uid("User", e.value());
            case ROLE -> "principal in " + CedarText.uid("Role", e.value());
            case SESSION -> "principal == " + CedarText.uid("Session", e.value());
            case FEDERATED_USER -> "principal == " + CedarText.uid("FederatedUser", e.value());
            case SERVICE -> "principal == " + CedarText.uid("Service", e.value());
            default -> "false";
        };
    }

    /** E5: every element of the caller's chain is listed (account root, role, session / user / federated user). */
    private static String exempt(List<PrincipalEntry> entries) {
        List<String> out = new ArrayList<>();
        List<String> roles = new ArrayList<>();
        entries.stream().filter(e -> e.kind() == Kind.ROLE).forEach(e -> roles.add("principal in "
                + CedarText.uid("Role", e.value())));
        for (PrincipalEntry e : entries) {
            switch (e.kind()) {
                case ANYONE -> out.add("true");
                case ANY_AWS -> out.add("!(principal is Kms::Service)");
                case ACCOUNT -> out.add("principal == " + CedarText.uid("Root", e.value()));
                case SERVICE -> out.add(direct(e));
                case USER, FEDERATED_USER -> {
                    if (accountListed(entries, e.account())) {
                        out.add(direct(e));
                    }
                }
                case SESSION -> {
                    if (accountListed(entries, e.account()) && !roles.isEmpty()) {
                        out.add("(" + direct(e) + " && " + ConditionTranslator.or(roles) + ")");
                    }
                }
                default -> { }
            }
        }
        return out.isEmpty() ? "false" : ConditionTranslator.or(out);
    }

    private static boolean accountListed(List<PrincipalEntry> entries, String account) {
        return entries.stream().anyMatch(e -> e.kind() == Kind.ACCOUNT && e.account().equals(account));
    }

    private static String paren(String e) {
        return "(" + e + ")";
    }
}
