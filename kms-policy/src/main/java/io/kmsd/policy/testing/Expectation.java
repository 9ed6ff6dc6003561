package io.kmsd.policy.testing;

import java.util.List;
import java.util.Set;

/** A vector's {@code expect} object (V2): decision, deciding refs (compared as a set), optional error name. */
public record Expectation(String decision, List<String> deciding, String error, String reason) {

    public Expectation {
        if (!"ALLOW".equals(decision) && !"DENY".equals(decision)) {
            throw new IllegalArgumentException("expect.decision must be ALLOW or DENY");
        }
        deciding = deciding == null ? List.of() : List.copyOf(deciding);
    }

    public Set<String> decidingSet() {
        return Set.copyOf(deciding);
    }

    /** V4: the error a DENY without {@code error} implies. */
    public String effectiveError() {
        if (error != null) {
            return error;
        }
        return decision.equals("ALLOW") ? null : "AccessDeniedException";
    }
}
