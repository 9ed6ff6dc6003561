package io.kmsd.policy.diff;

import io.kmsd.policy.request.Caller;
import java.util.Map;

/**
 * One caller the diff tries: a principal, whether an identity policy of its account allows every KMS action (the
 * most its own account can add, E7b/E8), and the principal attributes conditions look at
 * ({@code aws:PrincipalTag/*}, {@code aws:PrincipalOrgID}) as condition keys.
 */
record CallerVariant(Caller caller, boolean identityAllows, Map<String, String> attributes) {

    String arn() {
        return caller.principal().arn();
    }

    /** e.g. {@code arn:aws:iam::111122223333:user/bob (IAM allows kms:*)}. */
    String label() {
        return arn() + (identityAllows ? " (IAM allows kms:*)" : "");
    }
}
