package io.kmsd.policy.testing;

import java.util.List;
import java.util.Set;

/**
 * A case's {@code expect} object (V2): decision, deciding refs (compared as a set; null = not checked, as suite
 * cases may leave them out), optional error name and optional deny type (X1 {@code denyType}).
 */
public record Expectation(String decision, List<String> deciding, String error, String denyType, String reason) {

    public Expectation {
        if (!"ALLOW".equals(decision) && !"DENY".equals(decision)) {
            throw new IllegalArgumentException("expect.decision must be ALLOW or DENY, not " + decision);
        }
        deciding = deciding == null ? null : List.copyOf(deciding);
    }

    public Expectation(String decision, List<String> deciding, String error, String reason) {
        this(decision, deciding, error, null, reason);
    }

    /** Whether the deciding references are part of the expectation. */
    public boolean checksDeciding() {
        return deciding != null;
    }

    public Set<String> decidingSet() {
        return deciding == null ? Set.of() : Set.copyOf(deciding);
    }

    /** V4: the error a DENY without {@code error} implies. */
    public String effectiveError() {
        if (error != null) {
            return error;
        }
        return decision.equals("ALLOW") ? null : "AccessDeniedException";
    }
}
