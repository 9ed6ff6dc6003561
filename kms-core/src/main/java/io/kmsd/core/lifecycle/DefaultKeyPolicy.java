package io.kmsd.core.lifecycle;

import io.kmsd.core.key.AccountId;

/** The key policy CreateKey stores when none is given (kms-api §4.1), byte for byte. */
final class DefaultKeyPolicy {
    private DefaultKeyPolicy() {
    }

    static String forAccount(AccountId account) {
        return "{\"Version\":\"2012-10-17\",\"Id\":\"key-default-1\",\"Statement\":[{\"Sid\":\"Enable IAM User "
                + "Permissions\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + account.rootArn() + "\"},"
                + "\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";
    }
}
