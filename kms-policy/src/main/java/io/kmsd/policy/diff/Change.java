package io.kmsd.policy.diff;

import io.kmsd.policy.eval.Decision;
import java.util.List;
import java.util.Map;

/**
 * One request the two policies decide differently: the caller (and whether an identity policy of its own allowed
 * {@code kms:*}), the action, the request context that matters (principal attributes and the condition keys the
 * policies mention that the request carried; {@code anyContext} when every context tried changed alike), and the
 * two decisions with their deciding references.
 */
public record Change(String principal, boolean identityAllows, String action, Map<String, List<String>> context,
        boolean anyContext, String oldDecision, List<String> oldDeciding, String newDecision, List<String> newDeciding) {

    public Change {
        context = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(context));
        oldDeciding = List.copyOf(oldDeciding);
        newDeciding = List.copyOf(newDeciding);
    }

    static Change of(CallerVariant c, String action, Map<String, List<String>> context, boolean anyContext,
            Decision old, Decision now) {
        return new Change(c.arn(), c.identityAllows(), action, context, anyContext, old.decision(), old.deciding(),
                now.decision(), now.deciding());
    }

    /** The same change, found in every context tried: shown with the principal attributes only. */
    Change inAnyContext(Map<String, List<String>> attributes) {
        return new Change(principal, identityAllows, action, attributes, true, oldDecision, oldDeciding, newDecision,
                newDeciding);
    }

    /** NEW allows what OLD denied. */
    public boolean newlyAllowed() {
        return newDecision.equals("ALLOW");
    }
}
