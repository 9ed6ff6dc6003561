package io.kmsd.api.authz;

import io.kmsd.api.auth.IdentitiesException;
import io.kmsd.api.auth.Principal;
import io.kmsd.policy.document.NamedPolicy;
import io.kmsd.policy.document.PolicyParser;
import io.kmsd.policy.principal.PrincipalType;
import io.kmsd.policy.request.Caller;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The engine's caller for each principal, with its identity policies compiled once when the identities are
 * loaded (key-policy-semantics §1). Principals the identities file does not name (permissive mode's account
 * roots) are built on first use; they have no identity policies. Policies are named after their user or role,
 * {@code alice-1}, {@code KeyAdmin-2}, so explanations cite {@code identity:alice-1#Sid}.
 */
final class Callers {
    private final ConcurrentMap<String, Caller> byArn = new ConcurrentHashMap<>();

    /** Compiles every identity policy of {@code principals}; an invalid one is an IdentitiesException. */
    Callers(Collection<Principal> principals) {
        for (Principal p : principals) {
            byArn.putIfAbsent(p.arn(), compile(p));
        }
    }

    Caller of(Principal principal) {
        Caller c = byArn.get(principal.arn());
        return c != null ? c : byArn.computeIfAbsent(principal.arn(), arn -> compile(principal));
    }

    static Caller compile(Principal p) {
        io.kmsd.policy.principal.Principal engine = io.kmsd.policy.principal.Principal.of(p.arn(), type(p),
                p.account().value(), p.roleArn().orElse(null), null, p.tags(), null);
        List<NamedPolicy> policies = new ArrayList<>();
        for (int i = 0; i < p.identityPolicies().size(); i++) {
            String name = owner(p) + "-" + (i + 1);
            try {
                policies.add(new NamedPolicy(name, PolicyParser.parseIdentityPolicy(p.identityPolicies().get(i))));
            } catch (RuntimeException e) {
                throw new IdentitiesException("identity policy " + (i + 1) + " of " + owner(p) + " (" + p.arn()
                        + ") is not valid: " + e.getMessage());
            }
        }
        return new Caller(engine, policies);
    }

    private static PrincipalType type(Principal p) {
        return switch (p.type()) {
            case User -> PrincipalType.User;
            case AssumedRole -> PrincipalType.AssumedRole;
            case Root -> PrincipalType.Root;
        };
    }

    /** The user's name, or the role's name for a role session. */
    private static String owner(Principal p) {
        String arn = p.roleArn().orElse(p.arn());
        return arn.substring(arn.lastIndexOf('/') + 1);
    }
}
