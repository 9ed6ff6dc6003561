package io.kmsd.core.crypto.asymmetric;

import static io.kmsd.core.crypto.asymmetric.Fixtures.hex;
import static io.kmsd.core.testing.KmsAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.kmsd.core.error.KmsError;
import io.kmsd.core.key.KeySpec;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ML-DSA known answers from Wycheproof (vectors/ml-dsa-wycheproof.txt for ML-DSA-44, ml-dsa-65-wycheproof.txt and
 * ml-dsa-87-wycheproof.txt): the published seed yields the published
 * public key, and the published signature verifies through our Verify over the RAW message and over its μ
 * (EXTERNAL_MU); a flipped bit is refused. Our signing is hedged, so the signature itself is not compared.
 */
class MlDsaKnownAnswerTest {
    private static final SigningAlgorithm ML_DSA = SigningAlgorithm.ML_DSA_SHAKE_256;

    static List<Map<String, String>> vectors() {
        return Stream.of("ml-dsa-wycheproof.txt", "ml-dsa-65-wycheproof.txt", "ml-dsa-87-wycheproof.txt")
                .flatMap(file -> Vectors.load(file).stream()).toList();
    }

    @ParameterizedTest(name = "Wycheproof ML-DSA {0}")
    @MethodSource("vectors")
    void seedYieldsThePublishedPublicKey(Map<String, String> v) {
        assertThat(hex(Digests.publicKeyBits(key(v).publicKey()))).isEqualTo(v.get("public"));
    }

    @ParameterizedTest(name = "Wycheproof ML-DSA {0}")
    @MethodSource("vectors")
    void publishedSignatureVerifiesOverTheMessageAndOverMu(Map<String, String> v) {
        AsymmetricKey key = key(v);
        byte[] signature = hex(v.get("sig"));
        assertThatCode(() -> key.verify(ML_DSA, hex(v.get("msg")), MessageType.RAW, signature))
                .doesNotThrowAnyException();
        assertThatCode(() -> key.verify(ML_DSA, hex(v.get("mu")), MessageType.EXTERNAL_MU, signature))
                .doesNotThrowAnyException();
        assertThat(Digests.mlDsaMu(key.publicKey(), hex(v.get("msg")))).isEqualTo(hex(v.get("mu")));
    }

    @ParameterizedTest(name = "Wycheproof ML-DSA {0}")
    @MethodSource("vectors")
    void aFlippedBitIsRefused(Map<String, String> v) {
        AsymmetricKey key = key(v);
        byte[] message = hex(v.get("msg"));
        byte[] signature = hex(v.get("sig"));
        for (int bit : new int[] {0, signature.length * 4, signature.length * 8 - 200}) {
            byte[] flipped = Fixtures.flipBit(signature, bit);
            assertFails(() -> key.verify(ML_DSA, message, MessageType.RAW, flipped), KmsError.KMSInvalidSignature, "");
        }
        byte[] otherMessage = Fixtures.flipBit(message, 0);
        assertFails(() -> key.verify(ML_DSA, otherMessage, MessageType.RAW, signature),
                KmsError.KMSInvalidSignature, "");
    }

    private static AsymmetricKey key(Map<String, String> v) {
        return AsymmetricKey.parse(PrivateMaterial.of(KeySpec.valueOf(v.getOrDefault("spec", "ML_DSA_44")),
                hex(v.get("key"))));
    }
}
