package io.kmsd.api.operation;

import io.kmsd.core.error.KmsException;
import io.kmsd.core.key.KeyArn;

/** A key has one policy, named {@code default} (kms-api §4.8, §5). */
final class KeyPolicies {
    static final String DEFAULT = "default";

    private KeyPolicies() {
    }

    /** Any other name is unknown on that key (the error is ours, kms-api §7). */
    static void requireDefault(String policyName, KeyArn key) {
        if (policyName != null && !policyName.equals(DEFAULT)) {
            throw KmsException.notFound("Policy " + policyName + " does not exist on key " + key
                    + "; the only policy name is default.");
        }
    }
}
