package io.kmsd.core.store;

import io.kmsd.core.Core;
import io.kmsd.core.CoreConfig;
import io.kmsd.core.KeyService;
import io.kmsd.core.NewKey;
import io.kmsd.core.alias.AliasArn;
import io.kmsd.core.alias.AliasName;
import io.kmsd.core.key.AccountId;
import io.kmsd.core.key.KeyArn;
import io.kmsd.core.key.Region;
import io.kmsd.core.key.Tag;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Run by {@link DurabilityTest} in its own JVM: makes changes on H2, reports each one after the call
 * returned, then waits to be killed with SIGKILL.
 */
public final class DurabilityChild {
    private DurabilityChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        Core core = Core.start(CoreConfig.builder().h2(Path.of(args[0])).build());
        KeyService keys = core.keys();
        AccountId account = new AccountId("111122223333");
        Region region = new Region("us-east-1");
        for (int i = 0; i < 10; i++) {
            KeyArn arn = keys.createKey(NewKey.symmetric(account, region)).arn();
            keys.tag(arn, List.of(new Tag("n", Integer.toString(i))));
            keys.createAlias(new AliasArn(region, account, new AliasName("alias/k" + i)), arn);
            keys.disable(arn);
            System.out.println("COMMITTED " + arn);
            System.out.flush();
        }
        System.out.println("DONE");
        System.out.flush();
        new CountDownLatch(1).await(); // wait for SIGKILL
    }
}
