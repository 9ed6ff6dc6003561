package io.kmsd.core.crypto.asymmetric;

import static io.kmsd.core.crypto.asymmetric.Fixtures.key;
import static io.kmsd.core.crypto.asymmetric.Fixtures.otherKey;
import static io.kmsd.core.testing.KmsAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmsd.core.crypto.Plaintext;
import io.kmsd.core.error.KmsError;
import io.kmsd.core.key.KeySpec;
import io.kmsd.core.key.KeyUsage;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.stream.Stream;
import javax.crypto.KeyAgreement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** DeriveSharedSecret (kms-api §3.2 ECDH, §4.6): agreement, lengths, the JDK's answer, bad peer keys. */
class EcdhTest {
    private static final KeyAgreementAlgorithm ECDH = KeyAgreementAlgorithm.ECDH;

    static Stream<Arguments> agreementSpecs() {
        return Stream.of(Arguments.of(KeySpec.ECC_NIST_P256, 32), Arguments.of(KeySpec.ECC_NIST_P384, 48),
                Arguments.of(KeySpec.ECC_NIST_P521, 66), Arguments.of(KeySpec.SM2, 32));
    }

    static Stream<Arguments> jdkCurves() {
        return Stream.of(Arguments.of(KeySpec.ECC_NIST_P256, "secp256r1"),
                Arguments.of(KeySpec.ECC_NIST_P384, "secp384r1"), Arguments.of(KeySpec.ECC_NIST_P521, "secp521r1"));
    }

    static Stream<KeySpec> nonAgreementSpecs() {
        return Fixtures.asymmetricSpecs().stream().filter(s -> !s.supports(KeyUsage.KEY_AGREEMENT));
    }

    @ParameterizedTest(name = "{0}") // kms-api §6 item 40: two keys derive the same secret
    @MethodSource("agreementSpecs")
    void twoKeysDeriveTheSameSecretOfTheFieldLength(KeySpec spec, int length) {
        Plaintext ab = key(spec).deriveSharedSecret(ECDH, otherKey(spec).publicKey());
        Plaintext ba = otherKey(spec).deriveSharedSecret(ECDH, key(spec).publicKey());
        assertThat(ab).isEqualTo(ba);
        assertThat(ab.length()).isEqualTo(length);
    }

    @ParameterizedTest(name = "{0}") // the secret equals the JDK's ECDH (SP 800-56A shared x-coordinate)
    @MethodSource("jdkCurves")
    void secretEqualsTheJdksEcdhWithAPeerMadeElsewhere(KeySpec spec, String curve) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        KeyPair peer = generator.generateKeyPair();
        KeyAgreement jdk = KeyAgreement.getInstance("ECDH");
        jdk.init(peer.getPrivate());
        jdk.doPhase(CrossImplementationTest.jdkPublicKey(spec), true);
        Plaintext ours = key(spec).deriveSharedSecret(ECDH, peer.getPublic().getEncoded());
        assertThat(ours).isEqualTo(Plaintext.of(jdk.generateSecret()));
    }

    @ParameterizedTest(name = "{0}") // kms-api §4.6: peer key not SPKI DER on the same curve → Validation, empty
    @MethodSource("agreementSpecs")
    void peerKeysThatAreNotSpkiOnTheSameCurveFail(KeySpec spec, int length) {
        byte[] good = otherKey(spec).publicKey();
        byte[] offCurve = good.clone();
        offCurve[offCurve.length - 1] ^= 1; // y no longer matches x
        for (byte[] bad : new byte[][] {offCurve, Arrays.copyOf(good, good.length - 1),
                Arrays.copyOf(good, good.length + 1), new byte[0], Fixtures.bytes(91, 0x30),
                key(otherCurve(spec)).publicKey(), key(KeySpec.RSA_2048).publicKey(),
                key(KeySpec.ECC_NIST_EDWARDS25519).publicKey(), key(KeySpec.ECC_SECG_P256K1).publicKey()}) {
            assertFails(() -> key(spec).deriveSharedSecret(ECDH, bad), KmsError.Validation, "");
        }
    }

    @ParameterizedTest(name = "{0}") // kms-api §4.0: ECDH is not an algorithm of the spec
    @MethodSource("nonAgreementSpecs")
    void specsWithoutKeyAgreementFail(KeySpec spec) {
        assertFails(() -> key(spec).deriveSharedSecret(ECDH, key(KeySpec.ECC_NIST_P256).publicKey()),
                KmsError.InvalidKeyUsage, "Algorithm ECDH is incompatible with key spec " + spec + ".");
    }

    private static KeySpec otherCurve(KeySpec spec) {
        return spec == KeySpec.ECC_NIST_P256 ? KeySpec.SM2 : KeySpec.ECC_NIST_P256;
    }
}
