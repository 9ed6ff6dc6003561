package io.kmsd.api.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.kmsd.api.compat.CompatFixtures.AccessKey;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.KmsException;

/**
 * DESIGN "Storage": every state change is durable when the response is sent; a crash loses nothing acknowledged.
 * Writers create keys, aliases and ciphertexts through the real SDK and record only what the server acknowledged;
 * the server (a separate JVM) is SIGKILLed while they are still writing, restarted on the same data directory, and
 * every acknowledged key, alias and ciphertext must be there.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class CrashDurabilityTest {
    private static final int WRITERS = 4;
    private static final int ACKS_BEFORE_KILL = 150;
    private static final int MAX_ROUNDS_PER_WRITER = 5_000;
    private static final Duration STARTUP = Duration.ofMinutes(3);

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedKeyAliasAndCiphertextSurvivesSigkill() throws Exception {
        AccessKey key = AccessKey.random();
        int apiPort = CompatFixtures.freePort();
        int adminPort = CompatFixtures.freePort();
        Path config = CompatFixtures.writeConfig(dir, dir.resolve("data"), CompatFixtures.writeIdentities(dir, key),
                apiPort, adminPort);
        String endpoint = "http://127.0.0.1:" + apiPort;
        Ledger ledger = new Ledger();

        List<Throwable> endings = writeUntilKilled(config, adminPort, endpoint, key, ledger);

        assertThat(endings).as("every writer was cut off by the kill, mid-stream").hasSize(WRITERS);
        assertThat(ledger.keys()).hasSizeGreaterThanOrEqualTo(ACKS_BEFORE_KILL / 3);
        System.out.printf("CrashDurabilityTest: SIGKILL after %d keys, %d aliases, %d ciphertexts acknowledged%n",
                ledger.keys().size(), ledger.aliases().size(), ledger.ciphertexts().size());
        try (ServerProcess restarted = ServerProcess.start(config, adminPort, dir.resolve("server.log"), STARTUP);
             KmsClient kms = CompatFixtures.kmsClient(endpoint, key)) {
            verifyKeys(kms, ledger.keys());
            verifyAliases(kms, ledger.aliases());
            verifyCiphertexts(kms, ledger.ciphertexts());
            assertThat(kms.createKey(r -> r.description("after restart")).keyMetadata().keyState())
                    .as("the restarted server takes new writes").isEqualTo(KeyState.ENABLED);
        }
    }

    /** Runs the writers, SIGKILLs the server once enough writes are acknowledged; returns how each writer ended. */
    private List<Throwable> writeUntilKilled(Path config, int adminPort, String endpoint, AccessKey key, Ledger ledger)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<java.util.concurrent.Future<Throwable>> writers = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        try (ServerProcess server = ServerProcess.start(config, adminPort, dir.resolve("server.log"), STARTUP);
             KmsClient kms = CompatFixtures.kmsClient(endpoint, key)) {
            for (int w = 0; w < WRITERS; w++) {
                Writer writer = new Writer(kms, w, ledger, stop);
                writers.add(pool.submit(writer::call));
            }
            if (!ledger.awaitAtLeast(ACKS_BEFORE_KILL, Duration.ofMinutes(3))) {
                stop.set(true);
                fail("only " + ledger.size() + " writes acknowledged before the deadline:\n" + server.logTail());
            }
            server.kill();
        } finally {
            pool.shutdown();
        }
        assertThat(pool.awaitTermination(2, TimeUnit.MINUTES)).as("writers stop once the server is gone").isTrue();
        List<Throwable> endings = new ArrayList<>();
        for (var f : writers) {
            if (f.get() != null) {
                endings.add(f.get());
            }
        }
        return endings;
    }

    private static void verifyKeys(KmsClient kms, List<Ledger.Key> keys) {
        for (Ledger.Key k : keys) {
            KeyMetadata m = survived("key " + k.arn(), () -> kms.describeKey(r -> r.keyId(k.arn())).keyMetadata());
            assertThat(m.arn()).isEqualTo(k.arn());
            assertThat(m.description()).isEqualTo(k.description());
            assertThat(m.keyState()).isEqualTo(KeyState.ENABLED);
        }
    }

    private static void verifyAliases(KmsClient kms, List<Ledger.Alias> aliases) {
        List<AliasListEntry> listed = kms.listAliasesPaginator(r -> r.limit(100)).aliases().stream().toList();
        for (Ledger.Alias a : aliases) {
            String target = survived("alias " + a.name(),
                    () -> kms.describeKey(r -> r.keyId(a.name())).keyMetadata().arn());
            assertThat(target).as(a.name()).isEqualTo(a.keyArn());
            assertThat(listed).anySatisfy(e -> {
                assertThat(e.aliasName()).isEqualTo(a.name());
                assertThat(a.keyArn()).endsWith("/" + e.targetKeyId());
            });
        }
    }

    private static void verifyCiphertexts(KmsClient kms, List<Ledger.Ciphertext> ciphertexts) {
        for (Ledger.Ciphertext c : ciphertexts) {
            DecryptResponse d = survived("ciphertext of " + c.keyArn(), () -> kms.decrypt(r -> r
                    .ciphertextBlob(SdkBytes.fromByteArray(c.blob())).encryptionContext(c.context())));
            assertThat(d.plaintext().asByteArray()).isEqualTo(c.plaintext());
            assertThat(d.keyId()).isEqualTo(c.keyArn());
        }
    }

    /** Runs a read of something acknowledged before the crash; a KMS error means it was lost. */
    private static <T> T survived(String what, Supplier<T> read) {
        try {
            return read.get();
        } catch (KmsException e) {
            return fail("acknowledged " + what + " did not survive the SIGKILL: " + e.getMessage());
        }
    }

    /** One writer: CreateKey, CreateAlias, Encrypt, round after round, recording each acknowledged result. */
    private record Writer(KmsClient kms, int id, Ledger ledger, AtomicBoolean stop) {
        /** Returns what ended the loop (the kill), or null if it ran out of rounds or was stopped. */
        Throwable call() {
            try {
                for (int round = 0; round < MAX_ROUNDS_PER_WRITER && !stop.get(); round++) {
                    round(round);
                }
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        }

        private void round(int round) {
            String description = "crash-" + id + "-" + round;
            String arn = kms.createKey(r -> r.description(description)).keyMetadata().arn();
            ledger.key(new Ledger.Key(arn, description));
            String alias = "alias/" + description;
            kms.createAlias(r -> r.aliasName(alias).targetKeyId(arn));
            ledger.alias(new Ledger.Alias(alias, arn));
            byte[] plaintext = CompatFixtures.randomBytes(32);
            Map<String, String> context = Map.of("writer", String.valueOf(id), "round", String.valueOf(round));
            byte[] blob = kms.encrypt(r -> r.keyId(alias).plaintext(SdkBytes.fromByteArray(plaintext))
                    .encryptionContext(context)).ciphertextBlob().asByteArray();
            ledger.ciphertext(new Ledger.Ciphertext(blob, plaintext, context, arn));
        }
    }
}
