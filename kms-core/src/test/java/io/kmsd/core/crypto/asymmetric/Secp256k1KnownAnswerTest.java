package io.kmsd.core.crypto.asymmetric;

import static io.kmsd.core.testing.KmsAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.kmsd.core.error.KmsError;
import io.kmsd.core.key.KeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.List;
import java.util.Map;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ECC_SECG_P256K1 known answers (vectors/ecdsa-secp256k1-rfc6979.txt; community vectors, see the file): the
 * published (r, s) verify through our Verify and in BouncyCastle's JCA (the JDK has no secp256k1); one flipped bit
 * is refused.
 */
class Secp256k1KnownAnswerTest {
    private static final KeySpec SPEC = KeySpec.ECC_SECG_P256K1;
    private static final SigningAlgorithm ECDSA = SigningAlgorithm.ECDSA_SHA_256;

    static List<Map<String, String>> vectors() {
        return Vectors.load("ecdsa-secp256k1-rfc6979.txt");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void publishedSignatureVerifiesHereAndInBouncyCastle(Map<String, String> v) throws GeneralSecurityException {
        AsymmetricKey key = EcVectorKeys.key(SPEC, v.get("d"));
        byte[] message = v.get("message").getBytes(StandardCharsets.US_ASCII);
        byte[] signature = der(v.get("r"), v.get("s"), 0);
        assertThatCode(() -> key.verify(ECDSA, message, MessageType.RAW, signature)).doesNotThrowAnyException();
        Signature bc = Signature.getInstance("SHA256withECDSA", Fixtures.BC);
        KeyFactory factory = KeyFactory.getInstance("EC", Fixtures.BC);
        bc.initVerify(factory.generatePublic(new X509EncodedKeySpec(key.publicKey())));
        bc.update(message);
        assertThat(bc.verify(signature)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void aFlippedBitIsRefused(Map<String, String> v) {
        AsymmetricKey key = EcVectorKeys.key(SPEC, v.get("d"));
        byte[] message = v.get("message").getBytes(StandardCharsets.US_ASCII);
        for (int bit : new int[] {1, 130, 255}) {
            byte[] flipped = der(v.get("r"), v.get("s"), bit);
            assertFails(() -> key.verify(ECDSA, message, MessageType.RAW, flipped), KmsError.KMSInvalidSignature, "");
        }
    }

    /** DER SEQUENCE{r, s}, with bit {@code flip} of s flipped unless {@code flip} is 0. */
    private static byte[] der(String r, String s, int flip) {
        BigInteger sValue = new BigInteger(s, 16);
        try {
            return StandardDSAEncoding.INSTANCE.encode(Curves.domain(SPEC).getN(), new BigInteger(r, 16),
                    flip == 0 ? sValue : sValue.flipBit(flip));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
