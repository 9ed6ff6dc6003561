package io.kmsd.policy.explain;

import io.kmsd.policy.eval.Decision;
import io.kmsd.policy.request.AuthorizationRequest;

/** The one-sentence X1 {@code summary}. */
final class Summary {
    private Summary() {
    }

    static String of(Decision d) {
        AuthorizationRequest r = d.request();
        String who = r.caller().principal().arn();
        String what = r.action() + " on " + r.resource();
        return switch (d.outcome()) {
            case ALLOW -> who + " may call " + what + ", allowed by " + String.join(", ", d.deciding()) + ".";
            case EXPLICIT_DENY -> who + " may not call " + what + ": explicitly denied by "
                    + String.join(", ", d.deciding()) + ".";
            case IMPLICIT_DENY -> who + " may not call " + what + ": no policy statement or grant allows it.";
            case CROSS_ACCOUNT_UNSUPPORTED -> r.action() + " cannot be called on a key of another account.";
            case MALFORMED -> "The new key policy is rejected: " + d.policyCheck().error().getMessage();
            case LOCKOUT -> "The new key policy is rejected: it would not let " + who + " call kms:PutKeyPolicy again.";
            case GUARDRAIL_DENY -> who + " may not call " + what + ": the policies allow it but guardrail "
                    + String.join(", ", d.deciding()) + " forbids it.";
        };
    }
}
