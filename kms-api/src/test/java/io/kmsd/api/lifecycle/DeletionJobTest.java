package io.kmsd.api.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.kmsd.core.KeyService;
import io.kmsd.core.key.KeyArn;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The deletion job calls core's purge periodically and survives a failing pass. */
class DeletionJobTest {

    static final List<KeyArn> TWO = List.of(
            KeyArn.parse("arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab").orElseThrow(),
            KeyArn.parse("arn:aws:kms:eu-west-1:444455556666:key/0987dcba-09fe-87dc-65ba-ab0987654321").orElseThrow());

    /** A KeyService whose purge counts calls, fails on the first if asked, and deletes {@link #TWO} otherwise. */
    static KeyService purging(AtomicInteger calls, boolean failFirst, CountDownLatch ticks) {
        return (KeyService) Proxy.newProxyInstance(KeyService.class.getClassLoader(), new Class<?>[] {KeyService.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("purgeExpiredKeys")) {
                        throw new AssertionError("the deletion job must only purge, not " + method.getName());
                    }
                    int n = calls.incrementAndGet();
                    ticks.countDown();
                    if (failFirst && n == 1) {
                        throw new IllegalStateException("database down");
                    }
                    return TWO;
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
    void everyDeletedKeyIsAnnouncedAndAFailingAnnouncementStopsNoOther() {
        List<KeyArn> heard = new ArrayList<>();
        DeletionJob job = new DeletionJob(purging(new AtomicInteger(), false, new CountDownLatch(1)), null,
                Duration.ofMinutes(1), key -> {
                    heard.add(key);
                    if (heard.size() == 1) {
                        throw new IllegalStateException("audit trail cannot be written");
                    }
                });
        assertThat(job.runOnce()).isEqualTo(2);
        assertThat(heard).isEqualTo(TWO);
    }

    @Test
    void aFailedPassAnnouncesNothing() {
        List<KeyArn> heard = new ArrayList<>();
        DeletionJob job = new DeletionJob(purging(new AtomicInteger(), true, new CountDownLatch(1)), null,
                Duration.ofMinutes(1), heard::add);
        assertThat(job.runOnce()).isZero();
        assertThat(heard).isEmpty();
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
