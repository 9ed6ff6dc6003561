package io.kmsd.core.crypto.asymmetric;

import static io.kmsd.core.crypto.asymmetric.Fixtures.hex;
import static io.kmsd.core.testing.KmsAssertions.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmsd.core.error.KmsError;
import io.kmsd.core.key.KeySpec;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RSA known answers from Wycheproof (the vector files name the file and test ids): OAEP ciphertexts made
 * elsewhere decrypt through our Decrypt to the published plaintext (and in the JDK); a flipped bit is refused.
 */
class RsaKnownAnswerTest {
    static List<Map<String, String>> oaepVectors() {
        return Vectors.load("rsa-oaep-wycheproof.txt");
    }

    @ParameterizedTest(name = "Wycheproof OAEP {0}")
    @MethodSource("oaepVectors")
    void oaepCiphertextDecryptsToThePublishedPlaintext(Map<String, String> v) throws GeneralSecurityException {
        EncryptionAlgorithm algorithm = EncryptionAlgorithm.valueOf(v.get("algorithm"));
        byte[] ciphertext = hex(v.get("ct"));
        assertThat(hex(rsaKey(v).decrypt(algorithm, ciphertext).bytes())).isEqualTo(v.get("msg"));
        Cipher jdk = Cipher.getInstance("RSA/ECB/OAEPPadding");
        jdk.init(Cipher.DECRYPT_MODE, KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                hex(v.get("key")))), new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
                PSource.PSpecified.DEFAULT));
        assertThat(hex(jdk.doFinal(ciphertext))).isEqualTo(v.get("msg"));
    }

    @ParameterizedTest(name = "Wycheproof OAEP {0}")
    @MethodSource("oaepVectors")
    void oaepCiphertextWithAFlippedBitIsRefused(Map<String, String> v) {
        AsymmetricKey key = rsaKey(v);
        EncryptionAlgorithm algorithm = EncryptionAlgorithm.valueOf(v.get("algorithm"));
        byte[] ciphertext = hex(v.get("ct"));
        for (int bit : new int[] {0, 8 * 100 + 3, ciphertext.length * 8 - 9}) {
            failure(() -> key.decrypt(algorithm, Fixtures.flipBit(ciphertext, bit)), KmsError.InvalidCiphertext);
        }
    }

    private static AsymmetricKey rsaKey(Map<String, String> v) {
        return AsymmetricKey.parse(PrivateMaterial.of(KeySpec.RSA_2048, hex(v.get("key"))));
    }
}
