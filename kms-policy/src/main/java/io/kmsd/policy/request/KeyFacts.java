package io.kmsd.policy.request;

import io.kmsd.core.key.KeyArn;
import io.kmsd.policy.document.PolicyDocument;
import io.kmsd.policy.document.PolicyKind;

/**
 * The key a request acts on: its ARN (and owning account, KA), its compiled key policy and its attributes. The
 * policy is null only for a key that does not exist yet (CreateKey). Build one per key version and cache it.
 */
public final class KeyFacts {
    private final KeyArn arn;
    private final String arnText;
    private final PolicyDocument policy;
    private final KeyAttributes attributes;

    public KeyFacts(KeyArn arn, PolicyDocument policy, KeyAttributes attributes) {
        if (arn == null) {
            throw new IllegalArgumentException("key facts need the key ARN");
        }
        if (policy != null && policy.kind() != PolicyKind.KEY) {
            throw new IllegalArgumentException("a key's policy must be a key policy");
        }
        this.arn = arn;
        this.arnText = arn.toString();
        this.policy = policy;
        this.attributes = attributes == null ? KeyAttributes.DEFAULT : attributes;
    }

    /** Parses the ARN text; IllegalArgumentException if it is not a key ARN. */
    public static KeyFacts of(String arn, PolicyDocument policy, KeyAttributes attributes) {
        return new KeyFacts(KeyArn.parse(arn).orElseThrow(
                () -> new IllegalArgumentException("not a key ARN: " + arn)), policy, attributes);
    }

    public KeyArn arn() {
        return arn;
    }

    public String arnText() {
        return arnText;
    }

    /** KA. */
    public String account() {
        return arn.account().value();
    }

    public PolicyDocument policy() {
        return policy;
    }

    public KeyAttributes attributes() {
        return attributes;
    }

    /** The same key with another policy (the lockout check simulates the new one, L2). */
    public KeyFacts withPolicy(PolicyDocument newPolicy) {
        return new KeyFacts(arn, newPolicy, attributes);
    }

    @Override
    public String toString() {
        return "KeyFacts[" + arnText + "]";
    }
}
