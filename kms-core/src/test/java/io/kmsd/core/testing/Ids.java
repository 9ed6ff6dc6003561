package io.kmsd.core.testing;

import io.kmsd.core.alias.AliasArn;
import io.kmsd.core.alias.AliasName;
import io.kmsd.core.key.AccountId;
import io.kmsd.core.key.KeyArn;
import io.kmsd.core.key.KeyId;
import io.kmsd.core.key.Region;

/** Fixed test tenants. */
public final class Ids {
    public static final AccountId ACCOUNT = new AccountId("111122223333");
    public static final AccountId OTHER_ACCOUNT = new AccountId("444455556666");
    public static final Region REGION = new Region("us-east-1");
    public static final Region OTHER_REGION = new Region("eu-west-1");

    private Ids() {
    }

    public static AliasArn alias(String name) {
        return new AliasArn(REGION, ACCOUNT, new AliasName(name));
    }

    public static KeyArn unknownKey() {
        return new KeyArn(REGION, ACCOUNT, KeyId.random());
    }
}
