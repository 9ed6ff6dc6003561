package io.kmsd.policy.eval;

/**
 * What one guardrail policy said about a request: its id, whether it forbids the request, and a short detail
 * (e.g. the policy's source location, or the evaluation error that made it abstain).
 */
public record GuardrailVerdict(String policyId, boolean forbids, String detail) {

    public GuardrailVerdict {
        if (policyId == null || policyId.isEmpty()) {
            throw new IllegalArgumentException("a guardrail verdict needs the policy id");
        }
        detail = detail == null ? "" : detail;
    }
}
