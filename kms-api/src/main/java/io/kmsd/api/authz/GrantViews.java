package io.kmsd.api.authz;

import io.kmsd.core.GrantService;
import io.kmsd.core.GrantView;
import io.kmsd.core.grant.Grant;
import io.kmsd.core.grant.GrantConstraints;
import io.kmsd.core.grant.GrantOperation;
import io.kmsd.core.key.KeyArn;
import io.kmsd.policy.grants.GrantConstraint;
import io.kmsd.policy.grants.GrantState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Core's grants of a request, as the engine's grant values (key-policy-semantics E12–E15). Without tokens core
 * answers with the same list while a key's grants are unchanged, so the mapped list is kept per key and reused
 * (one lookup, one identity comparison); requests presenting tokens are mapped each time.
 */
final class GrantViews {
    private final GrantService grants;
    private final ConcurrentMap<KeyArn, Mapped> mapped = new ConcurrentHashMap<>();

    private record Mapped(List<GrantView> source, List<io.kmsd.policy.grants.Grant> grants) {
    }

    GrantViews(GrantService grants) {
        this.grants = grants;
    }

    /** The grants a request on {@code key} presenting {@code tokens} is evaluated with; InvalidGrantToken. */
    List<io.kmsd.policy.grants.Grant> forRequest(KeyArn key, List<String> tokens) {
        List<GrantView> views = grants.grantsForRequest(key, tokens);
        if (views.isEmpty()) {
            return List.of();
        }
        if (!tokens.isEmpty()) {
            return map(views);
        }
        Mapped m = mapped.get(key);
        if (m != null && m.source == views) {
            return m.grants;
        }
        List<io.kmsd.policy.grants.Grant> out = map(views);
        mapped.put(key, new Mapped(views, out));
        return out;
    }

    static List<io.kmsd.policy.grants.Grant> map(List<GrantView> views) {
        List<io.kmsd.policy.grants.Grant> out = new ArrayList<>(views.size());
        for (GrantView v : views) {
            out.add(of(v));
        }
        return List.copyOf(out);
    }

    static io.kmsd.policy.grants.Grant of(GrantView view) {
        Grant g = view.grant();
        Set<String> ops = new HashSet<>();
        for (GrantOperation op : g.operations()) {
            ops.add(op.name());
        }
        return new io.kmsd.policy.grants.Grant(g.grantId().value(), g.keyArn().toString(),
                g.granteePrincipal().value(), g.retiringPrincipal().map(p -> p.value()).orElse(null), ops,
                g.constraints().map(GrantViews::constraint).orElse(null), g.issuingAccountArn(),
                GrantState.valueOf(g.state().name()), view.propagated(), view.token().orElse(null));
    }

    static GrantConstraint constraint(GrantConstraints c) {
        return new GrantConstraint(GrantConstraint.Type.valueOf(c.type().name()), c.pairs());
    }
}
