package io.kmsd.api.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.kmsd.core.KeyService;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The deletion job calls core's purge periodically and survives a failing pass. */
class DeletionJobTest {

    /** A KeyService whose purge counts calls, fails on the first if asked, and answers 2 otherwise. */
    static KeyService purging(AtomicInteger calls, boolean failFirst, CountDownLatch ticks) {
        return (KeyService) Proxy.newProxyInstance(KeyService.class.getClassLoader(), new Class<?>[] {KeyService.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("purgeExpiredDeletions")) {
                        throw new AssertionError("the deletion job must only purge, not " + method.getName());
                    }
                    int n = calls.incrementAndGet();
                    ticks.countDown();
                    if (failFirst && n == 1) {
                        throw new IllegalStateException("database down");
                    }
                    return 2;
                });
    }

    @Test
    void onePassReturnsHowManyKeysWereDeleted() {
        AtomicInteger calls = new AtomicInteger();
        DeletionJob job = new DeletionJob(purging(calls, false, new CountDownLatch(1)), null, Duration.ofMinutes(1));
        assertThat(job.runOnce()).isEqualTo(2);
        assertThat(calls).hasValue(1);
    }

    @Test
    void aFailedPassIsLoggedAndCountsNothing() {
        DeletionJob job = new DeletionJob(purging(new AtomicInteger(), true, new CountDownLatch(1)), null,
                Duration.ofMinutes(1));
        assertThat(job.runOnce()).isZero();
        assertThat(job.runOnce()).isEqualTo(2);
    }

    @Test
    void startedJobRunsAgainAfterAFailureUntilStopped() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch threeTicks = new CountDownLatch(3);
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try {
            DeletionJob job = new DeletionJob(purging(calls, true, threeTicks), executor, Duration.ofMillis(10));
            job.start();
            assertThat(threeTicks.await(10, TimeUnit.SECONDS)).isTrue();
            job.stop();
        } finally {
            executor.shutdown();
            assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(calls.get()).isGreaterThanOrEqualTo(3);
    }
}
