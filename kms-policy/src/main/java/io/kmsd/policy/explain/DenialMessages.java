package io.kmsd.policy.explain;

import io.kmsd.core.error.KmsError;
import io.kmsd.core.error.KmsException;
import io.kmsd.policy.eval.Decision;
import io.kmsd.policy.eval.Evidence;
import io.kmsd.policy.eval.Path;
import io.kmsd.policy.document.PolicyDocument;
import io.kmsd.policy.request.AuthorizationRequest;

/** The client-facing errors of denied decisions (kms-api.md §1.3, key-policy-semantics A17, G15). */
public final class DenialMessages {
    private DenialMessages() {
    }

    /**
     * The AWS AccessDeniedException message: {@code User: <caller> is not authorized to perform: kms:<Action> on
     * resource: <key-arn> because no resource-based policy allows the kms:<Action> action}, the identity-based
     * variant, {@code … with an explicit deny in a resource-based / identity-based policy}, or for guardrails (like
     * AWS's service control policies) {@code … with an explicit deny in a guardrail policy: <id>}.
     */
    public static String accessDenied(Decision d) {
        AuthorizationRequest r = d.request();
        String action = r.action().name();
        String head = "User: " + r.caller().principal().arn() + " is not authorized to perform: " + action
                + " on resource: " + r.resource();
        Evidence e = d.evidence();
        return switch (d.outcome()) {
            case EXPLICIT_DENY -> head + " with an explicit deny in " + (e.denies().get(0).startsWith(
                    PolicyDocument.KEY_POLICY_PREFIX) ? "a resource-based policy" : "an identity-based policy");
            case CROSS_ACCOUNT_UNSUPPORTED -> head + " because " + action
                    + " cannot be performed on a key in another account";
            case GUARDRAIL_DENY -> head + " with an explicit deny in a guardrail policy: " + String.join(", ",
                    d.deciding().stream().map(ref -> ref.substring(Decision.GUARDRAIL_PREFIX.length())).toList());
            default -> head + " because no " + (missingIdentitySide(d) ? "identity-based" : "resource-based")
                    + " policy allows the " + action + " action";
        };
    }

    /** The key policy (or its delegation) would allow, but no identity policy does. */
    private static boolean missingIdentitySide(Decision d) {
        Evidence e = d.evidence();
        if (d.path() == Path.IDENTITY_ONLY) {
            return true;
        }
        if (d.path() == Path.SAME_ACCOUNT) {
            return !e.keyAccount().isEmpty() && e.identity().isEmpty();
        }
        return d.path() == Path.CROSS_ACCOUNT && e.keyAllows() && e.identity().isEmpty();
    }

    /** The exception a denied decision fails the request with; null when allowed. */
    public static KmsException toException(Decision d) {
        if (d.allowed()) {
            return null;
        }
        if (d.policyCheck() != null && d.policyCheck().error() != null) {
            return d.policyCheck().error();
        }
        return new KmsException(KmsError.AccessDenied, accessDenied(d));
    }
}
