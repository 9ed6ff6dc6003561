package io.kmsd.core.crypto.asymmetric;

import static io.kmsd.core.crypto.asymmetric.Fixtures.hex;
import static io.kmsd.core.testing.KmsAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.kmsd.core.error.KmsError;
import io.kmsd.core.key.KeySpec;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SM2DSA known answer from GM/T 0003.5 Annex A (vectors/sm2-gmt0003.txt): the published private key yields the
 * published public key; the published (r, s) verifies through our Verify over the RAW message (ID
 * 1234567812345678, kms-api §3.2) and over the published e (DIGEST), and in BouncyCastle; a flipped bit is refused.
 */
class Sm2KnownAnswerTest {
    private static final SigningAlgorithm SM2DSA = SigningAlgorithm.SM2DSA;

    static List<Map<String, String>> vectors() {
        return Vectors.load("sm2-gmt0003.txt");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void privateKeyYieldsThePublishedPublicKeyAndE(Map<String, String> v) {
        byte[] spki = EcVectorKeys.key(KeySpec.SM2, v.get("d")).publicKey();
        assertThat(hex(spki)).isEqualTo(hex(EcVectorKeys.spki(KeySpec.SM2, v.get("Ux"), v.get("Uy"))));
        assertThat(hex(Digests.sm2E(spki, message(v)))).isEqualTo(v.get("e").toLowerCase());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void publishedSignatureVerifiesHereAndInBouncyCastle(Map<String, String> v) throws GeneralSecurityException {
        AsymmetricKey key = EcVectorKeys.key(KeySpec.SM2, v.get("d"));
        byte[] signature = der(v.get("r"), v.get("s"));
        assertThatCode(() -> key.verify(SM2DSA, message(v), MessageType.RAW, signature)).doesNotThrowAnyException();
        assertThatCode(() -> key.verify(SM2DSA, hex(v.get("e")), MessageType.DIGEST, signature))
                .doesNotThrowAnyException();
        Signature bc = Signature.getInstance("SM3withSM2", Fixtures.BC);
        KeyFactory factory = KeyFactory.getInstance("EC", Fixtures.BC);
        bc.initVerify(factory.generatePublic(new X509EncodedKeySpec(key.publicKey())));
        bc.update(message(v));
        assertThat(bc.verify(signature)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void aFlippedBitIsRefused(Map<String, String> v) {
        AsymmetricKey key = EcVectorKeys.key(KeySpec.SM2, v.get("d"));
        byte[] signature = der(v.get("r"), v.get("s"));
        for (int bit : new int[] {8 * 10 + 1, 8 * 40 + 6, signature.length * 8 - 8}) {
            byte[] flipped = Fixtures.flipBit(signature, bit);
            assertFails(() -> key.verify(SM2DSA, message(v), MessageType.RAW, flipped),
                    KmsError.KMSInvalidSignature, "");
        }
        assertFails(() -> key.verify(SM2DSA, Fixtures.flipBit(message(v), 0), MessageType.RAW, signature),
                KmsError.KMSInvalidSignature, "");
    }

    private static byte[] message(Map<String, String> v) {
        return v.get("message").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] der(String r, String s) {
        return Der.encode(new DERSequence(new ASN1Encodable[] {
            new ASN1Integer(new BigInteger(r, 16)), new ASN1Integer(new BigInteger(s, 16))}));
    }
}
