package io.kmsd.policy.explain;

import io.kmsd.policy.condition.Reason;
import io.kmsd.policy.eval.GrantFailure;
import io.kmsd.policy.eval.Path;
import java.util.List;

/**
 * A decision explained (key-policy-semantics X1): the decision and its deciding references, the one-line verdict
 * in AWS's words, the request and its context, the condition keys conditions asked for but the request lacked,
 * every statement of every policy (X2, X3), every grant (X4), the guardrails, notes (X5), suggested changes where
 * one is obvious and, for policy writes, the phases of L4.
 */
public record Explanation(String decision, String denyType, Path path, List<String> deciding, String summary,
        String verdict, RequestInfo request, List<ContextItem> context, List<MissingKey> missing,
        List<PolicyResult> policies, List<GrantResult> grants, List<GuardrailResult> guardrails, List<String> notes,
        List<String> suggestions, List<Phase> phases) {

    public Explanation {
        deciding = List.copyOf(deciding);
        context = List.copyOf(context);
        missing = List.copyOf(missing);
        policies = List.copyOf(policies);
        grants = List.copyOf(grants);
        guardrails = List.copyOf(guardrails);
        notes = List.copyOf(notes);
        suggestions = List.copyOf(suggestions);
        phases = List.copyOf(phases);
    }

    /** A condition key the request did not carry, with the statements whose conditions asked for it. */
    public record MissingKey(String key, List<String> askedBy) {
    }

    /** One guardrail policy's verdict on the request: {@code FORBIDS} or {@code SILENT}. */
    public record GuardrailResult(String policyId, String result, String detail) {
    }

    /** X1 {@code request}. */
    public record RequestInfo(String caller, String callerType, String action, String resource,
            List<String> callerChain) {
    }

    /** X1 {@code context} entry with its source. */
    public record ContextItem(String key, List<String> values, String source) {
    }

    /** One policy's statements. {@code source} is {@code keyPolicy} or {@code identity:<name>}. */
    public record PolicyResult(String source, List<StatementResult> statements) {
    }

    /** X2. {@code result} is APPLIES, NOT_APPLICABLE or INERT; {@code firstFailure} null when it applies. */
    public record StatementResult(String ref, int index, String sid, String effect, String result,
            ElementResult principal, ElementResult action, ElementResult resource, List<ConditionResult> conditions,
            Failure firstFailure) {

        public boolean applies() {
            return "APPLIES".equals(result);
        }
    }

    /**
     * One element's outcome. Principal: DIRECT, ACCOUNT, NOT_EXCLUDED, NO_MATCH, EXCLUDED or N/A; Action and
     * Resource: MATCH, NO_MATCH, NOT_LISTED (a NotX element that passes), LISTED or MISSING.
     */
    public record ElementResult(String result, String matched, boolean passed) {
    }

    /** X3. */
    public record ConditionResult(String operator, String key, List<String> policyValues,
            List<String> resolvedPolicyValues, List<String> requestValues, boolean keyPresent, boolean result,
            Reason reason) {
    }

    /**
     * X2 {@code firstFailure}: the element, what the statement expected and what the request had, and both as one
     * sentence ({@code detail}).
     */
    public record Failure(String element, String expected, String actual, String detail) {

        public Failure(String element, String expected, String actual) {
            this(element, expected, actual, "expected " + expected + ", got " + actual);
        }
    }

    /** X4; {@code firstFailure} null when the grant applies. */
    public record GrantResult(String grantId, String result, GrantFailure firstFailure, String detail) {
    }

    /** One phase of a policy write (L4): authorization, validation, lockout. */
    public record Phase(String name, String result, String detail, List<String> deciding) {
    }
}
