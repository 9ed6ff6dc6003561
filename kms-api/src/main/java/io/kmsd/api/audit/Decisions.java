package io.kmsd.api.audit;

import io.kmsd.api.authz.AuthzDecision;
import io.kmsd.audit.Decision;
import io.kmsd.core.error.KmsError;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Our extension to the record, from the authorizer's decisions for one request (an alias operation asks about the
 * alias and each key; ReEncrypt about both keys): the first denial decides, with its deciding references; if all
 * allowed, the union of their references. No decision at all is {@code NOT_EVALUATED}.
 */
final class Decisions {
    private Decisions() {
    }

    static Decision of(List<AuthzDecision> decisions, Optional<KmsError> error) {
        if (decisions.isEmpty()) {
            return Decision.notEvaluated(error.map(e -> "ended with " + e.wireName() + " before authorization")
                    .orElse("no authorization step"));
        }
        Optional<AuthzDecision> denied = decisions.stream().filter(d -> !d.allowed()).findFirst();
        if (denied.isPresent()) {
            AuthzDecision d = denied.get();
            return new Decision(outcome(d.outcome()), refs(d.deciding()), reason(d));
        }
        Set<String> refs = new LinkedHashSet<>();
        Set<String> reasons = new LinkedHashSet<>();
        for (AuthzDecision d : decisions) {
            refs.addAll(d.deciding());
            reasons.add(d.explanation());
        }
        reasons.remove("");
        return new Decision(Decision.Outcome.ALLOW, refs(refs), String.join("; ", reasons));
    }

    /**
     * An E20 reference as a (source, id) pair, split at its first {@code #} or {@code :}:
     * {@code keyPolicy#Sid} → (keyPolicy, Sid); {@code identity:p#Sid} → (identity, p#Sid); {@code grant:g} →
     * (grant, g); {@code implicit} → (implicit, none).
     */
    static Decision.Ref ref(String text) {
        int hash = text.indexOf('#');
        int colon = text.indexOf(':');
        int cut = hash < 0 ? colon : colon < 0 ? hash : Math.min(hash, colon);
        return cut <= 0 ? new Decision.Ref(text, null) : new Decision.Ref(text.substring(0, cut), text.substring(cut + 1));
    }

    private static List<Decision.Ref> refs(Iterable<String> texts) {
        List<Decision.Ref> refs = new ArrayList<>();
        texts.forEach(t -> {
            if (t != null && !t.isBlank()) {
                refs.add(ref(t));
            }
        });
        return refs;
    }

    private static String reason(AuthzDecision d) {
        return d.explanation().isEmpty() ? d.deniedMessage() : d.explanation();
    }

    private static Decision.Outcome outcome(AuthzDecision.Outcome o) {
        return switch (o) {
            case ALLOW -> Decision.Outcome.ALLOW;
            case EXPLICIT_DENY -> Decision.Outcome.EXPLICIT_DENY;
            case IMPLICIT_DENY -> Decision.Outcome.IMPLICIT_DENY;
        };
    }
}
