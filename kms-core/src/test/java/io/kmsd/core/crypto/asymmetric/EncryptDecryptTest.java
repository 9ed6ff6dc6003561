package io.kmsd.core.crypto.asymmetric;

import static io.kmsd.core.crypto.asymmetric.Fixtures.key;
import static io.kmsd.core.crypto.asymmetric.Fixtures.otherKey;
import static io.kmsd.core.testing.KmsAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmsd.core.crypto.Plaintext;
import io.kmsd.core.error.KmsError;
import io.kmsd.core.key.KeySpec;
import io.kmsd.core.key.KeyUsage;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RSAES-OAEP and SM2PKE (kms-api §3.2, §4.4): limits, round trips and every failure. */
class EncryptDecryptTest {
    /** kms-api §3.2: the documented maximum plaintext per spec and algorithm. */
    static Stream<Arguments> limits() {
        return Stream.of(Arguments.of(KeySpec.RSA_2048, EncryptionAlgorithm.RSAES_OAEP_SHA_1, 214),
                Arguments.of(KeySpec.RSA_2048, EncryptionAlgorithm.RSAES_OAEP_SHA_256, 190),
                Arguments.of(KeySpec.RSA_3072, EncryptionAlgorithm.RSAES_OAEP_SHA_1, 342),
                Arguments.of(KeySpec.RSA_3072, EncryptionAlgorithm.RSAES_OAEP_SHA_256, 318),
                Arguments.of(KeySpec.RSA_4096, EncryptionAlgorithm.RSAES_OAEP_SHA_1, 470),
                Arguments.of(KeySpec.RSA_4096, EncryptionAlgorithm.RSAES_OAEP_SHA_256, 446),
                Arguments.of(KeySpec.SM2, EncryptionAlgorithm.SM2PKE, 1024));
    }

    static Stream<Arguments> foreignAlgorithms() {
        return Fixtures.asymmetricSpecs().stream().flatMap(spec -> Arrays.stream(EncryptionAlgorithm.values())
                .filter(a -> !spec.supports(KeyUsage.ENCRYPT_DECRYPT, a.name())).map(a -> Arguments.of(spec, a)));
    }

    @ParameterizedTest(name = "{0} {1} max {2}") // kms-api §6 item 29
    @MethodSource("limits")
    void largestPlaintextRoundTripsAndOneMoreByteFails(KeySpec spec, EncryptionAlgorithm algorithm, int max) {
        assertThat(algorithm.maxPlaintext(spec)).isEqualTo(max);
        Plaintext largest = Plaintext.of(Fixtures.bytes(max, 0x42));
        byte[] ciphertext = key(spec).encrypt(algorithm, largest);
        assertThat(key(spec).decrypt(algorithm, ciphertext)).isEqualTo(largest);
        assertFails(() -> key(spec).encrypt(algorithm, Plaintext.of(new byte[max + 1])), KmsError.Validation,
                "Algorithm " + algorithm + " and key spec " + spec + " cannot encrypt data larger than " + max + " bytes.");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("limits")
    void encryptionIsRandomized(KeySpec spec, EncryptionAlgorithm algorithm, int max) {
        Plaintext one = Plaintext.of(new byte[] {1});
        assertThat(key(spec).encrypt(algorithm, one)).isNotEqualTo(key(spec).encrypt(algorithm, one));
    }

    @ParameterizedTest(name = "{0} {1}") // kms-api §3.2: OAEP ciphertext = raw k/8 bytes
    @MethodSource("limits")
    void rsaCiphertextsHaveTheModulusLength(KeySpec spec, EncryptionAlgorithm algorithm, int max) {
        byte[] ciphertext = key(spec).encrypt(algorithm, Plaintext.of(new byte[] {7}));
        if (algorithm != EncryptionAlgorithm.SM2PKE) {
            assertThat(ciphertext).hasSize(RsaKey.modulusBytes(spec));
        } else {
            assertThat(ciphertext).hasSize(1 + 65 + 32); // C1 (uncompressed) ‖ C3 (SM3) ‖ C2 (1 byte)
        }
    }

    @ParameterizedTest(name = "{0} {1}") // kms-api §4.4: corruption → InvalidCiphertextException (empty)
    @MethodSource("limits")
    void everyFlippedBitFails(KeySpec spec, EncryptionAlgorithm algorithm, int max) {
        byte[] ciphertext = key(spec).encrypt(algorithm, Plaintext.of(new byte[] {1, 2, 3}));
        int step = Math.max(1, ciphertext.length / 96);
        for (int i = 0; i < ciphertext.length; i += step) {
            byte[] flipped = Fixtures.flipBit(ciphertext, i * 8 + i % 8);
            assertFails(() -> key(spec).decrypt(algorithm, flipped), KmsError.InvalidCiphertext, "");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("limits")
    void truncatedExtendedEmptyOrForeignCiphertextsFail(KeySpec spec, EncryptionAlgorithm algorithm, int max) {
        byte[] ciphertext = key(spec).encrypt(algorithm, Plaintext.of(new byte[] {1, 2, 3}));
        byte[] otherKeys = otherKey(spec).encrypt(algorithm, Plaintext.of(new byte[] {1, 2, 3}));
        for (byte[] bad : new byte[][] {Arrays.copyOf(ciphertext, ciphertext.length - 1),
                Arrays.copyOf(ciphertext, ciphertext.length + 1), new byte[0], new byte[ciphertext.length],
                Fixtures.bytes(ciphertext.length, 0xff), otherKeys}) {
            assertFails(() -> key(spec).decrypt(algorithm, bad), KmsError.InvalidCiphertext, "");
        }
    }

    @Test // the OAEP hash is part of the algorithm: SHA-1 ciphertexts do not open as SHA-256
    void ciphertextOfTheOtherOaepHashFails() {
        byte[] sha1 = key(KeySpec.RSA_2048).encrypt(EncryptionAlgorithm.RSAES_OAEP_SHA_1, Plaintext.of(new byte[] {9}));
        assertFails(() -> key(KeySpec.RSA_2048).decrypt(EncryptionAlgorithm.RSAES_OAEP_SHA_256, sha1),
                KmsError.InvalidCiphertext, "");
    }

    @Test
    void emptyPlaintextRoundTrips() {
        byte[] ciphertext = key(KeySpec.RSA_2048).encrypt(EncryptionAlgorithm.RSAES_OAEP_SHA_256, Plaintext.of(new byte[0]));
        assertThat(key(KeySpec.RSA_2048).decrypt(EncryptionAlgorithm.RSAES_OAEP_SHA_256, ciphertext).length()).isZero();
    }

    @ParameterizedTest(name = "{0} {1}") // kms-api §4.0: algorithm not valid for the spec
    @MethodSource("foreignAlgorithms")
    void algorithmOfAnotherSpecFails(KeySpec spec, EncryptionAlgorithm algorithm) {
        String expected = "Algorithm " + algorithm + " is incompatible with key spec " + spec + ".";
        assertFails(() -> key(spec).encrypt(algorithm, Plaintext.of(new byte[] {1})), KmsError.InvalidKeyUsage, expected);
        assertFails(() -> key(spec).decrypt(algorithm, new byte[256]), KmsError.InvalidKeyUsage, expected);
    }
}
