package io.kmsd.core.crypto.asymmetric;

import static io.kmsd.core.crypto.asymmetric.Fixtures.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmsd.core.key.KeySpec;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;
import javax.crypto.KeyAgreement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ECDH known answers from RFC 5903 §8.1-§8.3 (vectors/ecdh-rfc5903.txt): each side's private key yields its
 * published public key, and DeriveSharedSecret with the other side's public key yields the published
 * x-coordinate girx (kms-api §3.2 ECDH), in our code and in the JDK's.
 */
class EcdhKnownAnswerTest {
    static List<Map<String, String>> vectors() {
        return Vectors.load("ecdh-rfc5903.txt");
    }

    @ParameterizedTest(name = "RFC 5903 {0}")
    @MethodSource("vectors")
    void privateKeysYieldTheRfcPublicKeys(Map<String, String> v) {
        KeySpec spec = KeySpec.valueOf(v.get("curve"));
        assertThat(hex(EcVectorKeys.key(spec, v.get("i")).publicKey())).isEqualTo(hex(initiatorPublic(v)));
        assertThat(hex(EcVectorKeys.key(spec, v.get("r")).publicKey())).isEqualTo(hex(responderPublic(v)));
    }

    @ParameterizedTest(name = "RFC 5903 {0}")
    @MethodSource("vectors")
    void bothSidesDeriveTheRfcSharedSecret(Map<String, String> v) {
        KeySpec spec = KeySpec.valueOf(v.get("curve"));
        AsymmetricKey initiator = EcVectorKeys.key(spec, v.get("i"));
        AsymmetricKey responder = EcVectorKeys.key(spec, v.get("r"));
        String girx = v.get("girx").toLowerCase();
        assertThat(hex(initiator.deriveSharedSecret(KeyAgreementAlgorithm.ECDH, responderPublic(v)).bytes()))
                .isEqualTo(girx);
        assertThat(hex(responder.deriveSharedSecret(KeyAgreementAlgorithm.ECDH, initiatorPublic(v)).bytes()))
                .isEqualTo(girx);
    }

    @ParameterizedTest(name = "RFC 5903 {0}")
    @MethodSource("vectors")
    void theJdkDerivesTheSameRfcSharedSecret(Map<String, String> v) throws GeneralSecurityException {
        KeyAgreement jdk = KeyAgreement.getInstance("ECDH");
        jdk.init(EcVectorKeys.jdkPrivateKey(EcVectorKeys.material(KeySpec.valueOf(v.get("curve")), v.get("i"))));
        jdk.doPhase(EcVectorKeys.jdkPublicKey(responderPublic(v)), true);
        assertThat(hex(jdk.generateSecret())).isEqualTo(v.get("girx").toLowerCase());
    }

    private static byte[] initiatorPublic(Map<String, String> v) {
        return EcVectorKeys.spki(KeySpec.valueOf(v.get("curve")), v.get("gix"), v.get("giy"));
    }

    private static byte[] responderPublic(Map<String, String> v) {
        return EcVectorKeys.spki(KeySpec.valueOf(v.get("curve")), v.get("grx"), v.get("gry"));
    }
}
