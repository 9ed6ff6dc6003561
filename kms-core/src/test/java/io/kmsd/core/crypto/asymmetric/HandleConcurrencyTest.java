package io.kmsd.core.crypto.asymmetric;

import static io.kmsd.core.crypto.asymmetric.Fixtures.key;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmsd.core.crypto.Plaintext;
import io.kmsd.core.key.KeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One cached handle serves many request threads at once (per-thread Mac/MessageDigest, fresh BC objects). */
class HandleConcurrencyTest {
    private static final int THREADS = 4;
    private static final int ROUNDS = 40;

    @Test
    void sharedHandlesGiveCorrectResultsUnderConcurrentUse() throws Exception {
        AsymmetricKey ec = key(KeySpec.ECC_NIST_P256);
        AsymmetricKey rsa = key(KeySpec.RSA_2048);
        HmacKey hmac = HmacKey.parse(MaterialGenerator.generate(KeySpec.HMAC_256));
        byte[] expectedMac = hmac.generateMac(MacAlgorithm.HMAC_SHA_256, new byte[] {1});
        List<Callable<Integer>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            byte[] message = {(byte) t, 1, 2};
            workers.add(() -> {
                for (int i = 0; i < ROUNDS; i++) {
                    ec.verify(SigningAlgorithm.ECDSA_SHA_256, message, MessageType.RAW,
                            ec.sign(SigningAlgorithm.ECDSA_SHA_256, message, MessageType.RAW));
                    byte[] c = rsa.encrypt(EncryptionAlgorithm.RSAES_OAEP_SHA_256, Plaintext.of(message));
                    if (!Arrays.equals(rsa.decrypt(EncryptionAlgorithm.RSAES_OAEP_SHA_256, c).bytes(), message)
                            || !Arrays.equals(hmac.generateMac(MacAlgorithm.HMAC_SHA_256, new byte[] {1}), expectedMac)) {
                        return i;
                    }
                }
                return ROUNDS;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (Future<Integer> done : pool.invokeAll(workers)) {
                assertThat(done.get()).isEqualTo(ROUNDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
