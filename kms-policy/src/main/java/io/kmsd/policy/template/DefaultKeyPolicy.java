package io.kmsd.policy.template;

import io.kmsd.core.key.AccountId;

/** key-policy-semantics D1 (kms-api §4 CreateKey): the policy a key gets when CreateKey/ReplicateKey send none. */
public final class DefaultKeyPolicy {
    public static final String ID = "key-default-1";
    public static final String ROOT_SID = "Enable IAM User Permissions";

    private DefaultKeyPolicy() {
    }

    /** The exact default text for an account. */
    public static String text(AccountId account) {
        return "{\"Version\":\"2012-10-17\",\"Id\":\"" + ID + "\",\"Statement\":[{\"Sid\":\"" + ROOT_SID + "\","
                + "\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + account.rootArn() + "\"},"
                + "\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";
    }

    public static String text(String account) {
        return text(new AccountId(account));
    }
}
