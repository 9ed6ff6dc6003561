package io.kmsd.policy.eval;

import io.kmsd.policy.actions.KmsActions;
import io.kmsd.policy.document.NamedPolicy;
import io.kmsd.policy.document.PolicyDocument;
import io.kmsd.policy.document.Statement;
import io.kmsd.policy.principal.Principal;
import io.kmsd.policy.principal.PrincipalMatch;
import io.kmsd.policy.request.AuthorizationRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides authorization requests (key-policy-semantics E20). Stateless and thread-safe; a total function on
 * accepted policies: it never throws and parses nothing.
 */
public final class Evaluator {
    /** E9/A3: the external root user counts as identity-allowed. */
    public static final String ROOT_IMPLICIT = "identity:root-implicit";

    public Decision evaluate(AuthorizationRequest r) {
        Evidence e = gather(r);
        Combiner.Combined c = Combiner.combine(e);
        return new Decision(c.outcome(), e.path(), c.deciding(), r, e, null);
    }

    /** The path of a request (X1): services first, then key-less requests, then CA vs KA. */
    public static Path pathOf(AuthorizationRequest r) {
        Principal c = r.caller().principal();
        if (c.isService()) {
            return Path.SERVICE_PRINCIPAL;
        }
        if (!r.hasKeyResource()) {
            return Path.IDENTITY_ONLY;
        }
        return c.account().equals(r.key().account()) ? Path.SAME_ACCOUNT : Path.CROSS_ACCOUNT;
    }

    /** E2: a caller of another account can only ever be allowed the listed operations. */
    public static boolean crossAccountBlocked(AuthorizationRequest r, Path path) {
        return path == Path.CROSS_ACCOUNT
                && !(r.action().isKms() && KmsActions.CROSS_ACCOUNT.contains(r.action().operation()));
    }

    static Evidence gather(AuthorizationRequest r) {
        Path path = pathOf(r);
        if (crossAccountBlocked(r, path)) {
            return Evidence.blocked(path);
        }
        Refs refs = new Refs();
        if (r.hasKeyResource()) {
            keyPolicy(r.key().policy(), r, refs);
        }
        for (NamedPolicy p : r.caller().identityPolicies()) {
            identityPolicy(p, r, refs);
        }
        Principal c = r.caller().principal();
        if (c.isRoot() && (path == Path.CROSS_ACCOUNT || path == Path.IDENTITY_ONLY)) {
            refs.identity = add(refs.identity, ROOT_IMPLICIT);
        }
        boolean identityAllowed = refs.identity != null;
        boolean retire = r.action().isKms() && r.action().operation().equals("RetireGrant");
        List<String> grants = retire ? null : GrantMatcher.allowing(r, identityAllowed);
        List<String> retiring = retire ? GrantMatcher.retiring(r, identityAllowed) : null;
        return new Evidence(path, false, retire, refs.denies, refs.keyDirect, refs.keyAccount, refs.identity,
                grants, retiring);
    }

    private static void keyPolicy(PolicyDocument doc, AuthorizationRequest r, Refs refs) {
        List<Statement> ss = doc.statements();
        for (int i = 0; i < ss.size(); i++) {
            Statement s = ss.get(i);
            PrincipalMatch m = StatementMatcher.match(s, true, r);
            if (m == PrincipalMatch.NONE) {
                continue;
            }
            String ref = doc.ref(i);
            if (!s.isAllow()) {
                refs.denies = add(refs.denies, ref);
            } else if (m == PrincipalMatch.DIRECT) {
                refs.keyDirect = add(refs.keyDirect, ref);
            } else {
                refs.keyAccount = add(refs.keyAccount, ref);
            }
        }
    }

    private static void identityPolicy(NamedPolicy p, AuthorizationRequest r, Refs refs) {
        List<Statement> ss = p.document().statements();
        for (int i = 0; i < ss.size(); i++) {
            Statement s = ss.get(i);
            if (StatementMatcher.match(s, false, r) == PrincipalMatch.NONE) {
                continue;
            }
            if (s.isAllow()) {
                refs.identity = add(refs.identity, p.ref(i));
            } else {
                refs.denies = add(refs.denies, p.ref(i));
            }
        }
    }

    private static List<String> add(List<String> list, String ref) {
        List<String> l = list == null ? new ArrayList<>(2) : list;
        l.add(ref);
        return l;
    }

    /** Lazily allocated reference lists: most requests fill one or two. */
    private static final class Refs {
        List<String> denies;
        List<String> keyDirect;
        List<String> keyAccount;
        List<String> identity;
    }
}
