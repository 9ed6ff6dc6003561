package io.kmsd.api.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.kmsd.api.compat.CompatFixtures.AccessKey;
import io.kmsd.audit.AuditEvent;
import io.kmsd.audit.query.AuditQuery;
import io.kmsd.audit.query.AuditSearch;
import io.kmsd.audit.verify.AuditVerifier;
import io.kmsd.audit.verify.VerifyResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KmsException;

/**
 * Issue 5 crash test: the server (a separate JVM, audit on with its defaults) is SIGKILLed while several writers
 * send Encrypts, CreateKeys and failing requests. Every request that got a response — success or error — has its
 * event in the trail, since the event is forced to disk before the response is sent; and the trail verifies, at
 * worst with a torn last line, which the restarted server sets aside.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class AuditCrashTest {
    private static final int WRITERS = 6;
    private static final int ACKS_BEFORE_KILL = 600;
    private static final Duration STARTUP = Duration.ofMinutes(3);

    @TempDir
    Path dir;

    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final CountDownLatch enough = new CountDownLatch(ACKS_BEFORE_KILL);

    @Test
    void everyAnsweredRequestHasItsEventAfterSigkill() throws Exception {
        AccessKey key = AccessKey.random();
        int apiPort = CompatFixtures.freePort();
        int adminPort = CompatFixtures.freePort();
        Path data = dir.resolve("data");
        Path config = CompatFixtures.writeConfig(dir, data, CompatFixtures.writeIdentities(dir, key), apiPort,
                adminPort);
        String endpoint = "http://127.0.0.1:" + apiPort;

        List<Throwable> endings = loadUntilKilled(config, adminPort, endpoint, key);
        assertThat(endings).as("every writer was cut off by the kill").hasSize(WRITERS);

        Path trail = data.resolve("audit");
        Set<String> audited = AuditSearch.search(trail, AuditQuery.ALL).stream().map(AuditEvent::requestID)
                .collect(Collectors.toSet());
        Set<String> missing = new java.util.HashSet<>(acknowledged);
        missing.removeAll(audited);
        System.out.printf("AuditCrashTest: SIGKILL after %d answered requests; %d events in the trail%n",
                acknowledged.size(), audited.size());
        assertThat(missing).as("answered requests without an event").isEmpty();
        VerifyResult afterCrash = AuditVerifier.verify(trail);
        assertThat(afterCrash.status()).as(afterCrash.describe()).isIn(VerifyResult.Status.OK,
                VerifyResult.Status.TORN_TAIL);

        try (ServerProcess restarted = ServerProcess.start(config, adminPort, dir.resolve("server.log"), STARTUP);
             KmsClient kms = CompatFixtures.kmsClient(endpoint, key)) {
            String after = kms.listKeys().responseMetadata().requestId();
            assertThat(AuditSearch.search(trail, AuditQuery.ALL)).extracting(AuditEvent::requestID).contains(after);
        }
        VerifyResult afterRestart = AuditVerifier.verify(trail);
        assertThat(afterRestart.status()).as(afterRestart.describe()).isEqualTo(VerifyResult.Status.OK);
    }

    /** Runs the writers and SIGKILLs the server once enough requests were answered; returns how each writer ended. */
    private List<Throwable> loadUntilKilled(Path config, int adminPort, String endpoint, AccessKey key)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<Throwable>> writers = new ArrayList<>();
        try (ServerProcess server = ServerProcess.start(config, adminPort, dir.resolve("server.log"), STARTUP);
             KmsClient kms = CompatFixtures.kmsClient(endpoint, key)) {
            String keyArn = kms.createKey(r -> r.description("crash")).keyMetadata().arn();
            for (int w = 0; w < WRITERS; w++) {
                int id = w;
                writers.add(pool.submit(() -> write(kms, keyArn, id)));
            }
            if (!enough.await(3, TimeUnit.MINUTES)) {
                fail("only " + acknowledged.size() + " requests answered before the deadline:\n" + server.logTail());
            }
            server.kill();
        } finally {
            pool.shutdown();
        }
        assertThat(pool.awaitTermination(2, TimeUnit.MINUTES)).as("writers stop once the server is gone").isTrue();
        List<Throwable> endings = new ArrayList<>();
        for (Future<Throwable> f : writers) {
            if (f.get() != null) {
                endings.add(f.get());
            }
        }
        return endings;
    }

    /** One writer: Encrypts, with a CreateKey and a failing Encrypt now and then, until the server is gone. */
    private Throwable write(KmsClient kms, String keyArn, int id) {
        SdkBytes plaintext = SdkBytes.fromByteArray(CompatFixtures.randomBytes(64));
        for (int round = 0; round < 100_000; round++) {
            try {
                acknowledge(request(kms, keyArn, id, round, plaintext));
            } catch (KmsException e) {
                acknowledge(e.requestId()); // an error response is an answer too, so it is audited
            } catch (SdkClientException e) {
                return e; // no response: the server is gone
            }
        }
        return null;
    }

    private static String request(KmsClient kms, String keyArn, int id, int round, SdkBytes plaintext) {
        return switch (round % 10) {
            case 3 -> kms.createKey(r -> r.description("crash " + id)).responseMetadata().requestId();
            case 7 -> kms.encrypt(r -> r.keyId(UUID.randomUUID().toString()).plaintext(plaintext)) // NotFound
                    .responseMetadata().requestId();
            default -> kms.encrypt(r -> r.keyId(keyArn).plaintext(plaintext)).responseMetadata().requestId();
        };
    }

    private void acknowledge(String requestId) {
        assertThat(requestId).isNotBlank();
        acknowledged.add(requestId);
        enough.countDown();
    }
}
