package io.kmsd.policy.document;

import io.kmsd.policy.condition.Condition;
import io.kmsd.policy.principal.PrincipalSet;
import java.util.List;

/**
 * One compiled statement. {@code principals} is null in identity policies; {@code actions}/{@code resources} are
 * null when the element is missing, which makes a key-policy statement inert (G9, G10). The {@code not*} flags
 * say whether the element was written as NotPrincipal / NotAction / NotResource.
 */
public record Statement(int index, String sid, Effect effect, PrincipalSet principals, boolean notPrincipal,
        ActionSet actions, boolean notAction, ResourceSet resources, boolean notResource, List<Condition> conditions) {

    public Statement {
        if (index < 0 || effect == null) {
            throw new IllegalArgumentException("a statement needs an index and an effect");
        }
        if (notPrincipal && (principals == null || effect == Effect.Allow)) {
            throw new IllegalArgumentException("NotPrincipal needs entries and a Deny effect (G8, A4)");
        }
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }

    /** The Sid if present, else {@code [index]} (E20 reference suffix). */
    public String localRef() {
        return sid == null || sid.isEmpty() ? "[" + index + "]" : sid;
    }

    /** E3: a statement lacking Action/NotAction or Resource/NotResource never applies. */
    public boolean inert() {
        return actions == null || resources == null;
    }

    public boolean isAllow() {
        return effect == Effect.Allow;
    }
}
