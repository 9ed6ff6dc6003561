package io.kmsd.core.crypto.asymmetric;

import static io.kmsd.core.crypto.asymmetric.Fixtures.key;
import static io.kmsd.core.crypto.asymmetric.Fixtures.otherKey;
import static io.kmsd.core.testing.KmsAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.kmsd.core.error.KmsError;
import io.kmsd.core.key.KeySpec;
import io.kmsd.core.key.KeyUsage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Sign/Verify for every (spec, algorithm) of kms-api §3.2, and everything that must fail. */
class SignVerifyTest {
    private static final byte[] MESSAGE = "the message to sign".getBytes(StandardCharsets.UTF_8);

    record Pair(KeySpec spec, SigningAlgorithm algorithm) {
        @Override
        public String toString() {
            return spec + "/" + algorithm;
        }

        /** The message type this pair signs a plain message with: RAW, except Ed25519ph which takes a digest. */
        MessageType type() {
            return algorithm.accepts(MessageType.RAW) ? MessageType.RAW : MessageType.DIGEST;
        }

        byte[] message() {
            return type() == MessageType.RAW ? MESSAGE : Hash.SHA_512.digest(MESSAGE);
        }

        byte[] sign() {
            return key(spec).sign(algorithm, message(), type());
        }

        void verify(byte[] message, byte[] signature) {
            key(spec).verify(algorithm, message, type(), signature);
        }
    }

    static Stream<Pair> pairs() {
        return Fixtures.asymmetricSpecs().stream().flatMap(spec -> spec.algorithmsFor(KeyUsage.SIGN_VERIFY).stream()
                .map(a -> new Pair(spec, SigningAlgorithm.valueOf(a))));
    }

    /** Pairs whose DIGEST is the algorithm's hash of the message (Ed25519ph's DIGEST is the message itself). */
    static Stream<Pair> digestPairs() {
        return pairs().filter(p -> p.algorithm.accepts(MessageType.DIGEST) && p.type() == MessageType.RAW);
    }

    static Stream<Arguments> illegalMessageTypes() {
        return pairs().flatMap(p -> Arrays.stream(MessageType.values()).filter(t -> !p.algorithm.accepts(t))
                .map(t -> Arguments.of(p, t)));
    }

    static Stream<Arguments> foreignAlgorithms() {
        return Fixtures.asymmetricSpecs().stream().flatMap(spec -> Arrays.stream(SigningAlgorithm.values())
                .filter(a -> !spec.supports(KeyUsage.SIGN_VERIFY, a.name())).map(a -> Arguments.of(spec, a)));
    }

    @ParameterizedTest(name = "{0}") // kms-api §6 item 35
    @MethodSource("pairs")
    void signatureVerifies(Pair p) {
        byte[] signature = p.sign();
        assertThatCode(() -> p.verify(p.message(), signature)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}") // kms-api §4.6 Verify, §6 item 36
    @MethodSource("pairs")
    void signatureOverAnotherMessageFailsWithEmptyMessage(Pair p) {
        byte[] signature = p.sign();
        byte[] other = p.message().clone();
        other[0] ^= 1;
        assertFails(() -> p.verify(other, signature), KmsError.KMSInvalidSignature, "");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void signatureOfAnotherKeyFails(Pair p) {
        byte[] signature = otherKey(p.spec).sign(p.algorithm, p.message(), p.type());
        assertFails(() -> p.verify(p.message(), signature), KmsError.KMSInvalidSignature, "");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void everyFlippedBitFails(Pair p) {
        byte[] signature = p.sign();
        int step = Math.max(1, signature.length / 512); // every byte, or 512 spread over a long signature
        for (int i = 0; i < signature.length; i += step) {
            byte[] flipped = Fixtures.flipBit(signature, i * 8 + i % 8);
            assertFails(() -> p.verify(p.message(), flipped), KmsError.KMSInvalidSignature, "");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void truncatedExtendedOrEmptySignaturesFail(Pair p) {
        byte[] signature = p.sign();
        for (byte[] bad : new byte[][] {Arrays.copyOf(signature, signature.length - 1),
                Arrays.copyOf(signature, signature.length + 1), new byte[0], new byte[signature.length]}) {
            assertFails(() -> p.verify(p.message(), bad), KmsError.KMSInvalidSignature, "");
        }
    }

    @ParameterizedTest(name = "{0}") // kms-api §3.2: a message and its digest count as the same message
    @MethodSource("digestPairs")
    void digestAndRawMessageVerifyAsTheSameMessage(Pair p) {
        byte[] digest = Digests.of(p.spec, p.algorithm, key(p.spec).publicKey(), MESSAGE);
        AsymmetricKey key = key(p.spec);
        byte[] signedDigest = key.sign(p.algorithm, digest, MessageType.DIGEST);
        byte[] signedRaw = key.sign(p.algorithm, MESSAGE, MessageType.RAW);
        assertThatCode(() -> key.verify(p.algorithm, MESSAGE, MessageType.RAW, signedDigest)).doesNotThrowAnyException();
        assertThatCode(() -> key.verify(p.algorithm, digest, MessageType.DIGEST, signedRaw)).doesNotThrowAnyException();
        byte[] otherDigest = Fixtures.flipBit(digest, 0);
        assertFails(() -> key.verify(p.algorithm, otherDigest, MessageType.DIGEST, signedRaw),
                KmsError.KMSInvalidSignature, "");
    }

    @ParameterizedTest(name = "{0}") // kms-api §4.6 Sign, §6 item 37
    @MethodSource("pairs")
    void digestOfTheWrongLengthFails(Pair p) {
        if (!p.algorithm.accepts(MessageType.DIGEST)) {
            return; // covered by illegalMessageTypeFails
        }
        int length = p.algorithm.hash().length();
        for (int bad : new int[] {1, length - 1, length + 1, 2 * length}) {
            String expected = "Digest is invalid length for algorithm " + p.algorithm + ".";
            assertFails(() -> key(p.spec).sign(p.algorithm, new byte[bad], MessageType.DIGEST),
                    KmsError.Validation, expected);
            assertFails(() -> key(p.spec).verify(p.algorithm, new byte[bad], MessageType.DIGEST, new byte[64]),
                    KmsError.Validation, expected);
        }
    }

    @Test // kms-api §6 item 37, verbatim
    void ecdsaSha256DigestOf31BytesHasTheDocumentedMessage() {
        assertFails(() -> key(KeySpec.ECC_NIST_P256).sign(SigningAlgorithm.ECDSA_SHA_256, new byte[31],
                MessageType.DIGEST), KmsError.Validation, "Digest is invalid length for algorithm ECDSA_SHA_256.");
    }

    @ParameterizedTest(name = "{0} {1}") // kms-api §3.2 MessageType rules
    @MethodSource("illegalMessageTypes")
    void illegalMessageTypeFails(Pair p, MessageType type) {
        byte[] message = new byte[64];
        String expected = "Message type " + type + " is incompatible with algorithm " + p.algorithm + ".";
        assertFails(() -> key(p.spec).sign(p.algorithm, message, type), KmsError.Validation, expected);
        assertFails(() -> key(p.spec).verify(p.algorithm, message, type, new byte[64]), KmsError.Validation, expected);
    }

    @ParameterizedTest(name = "{0} {1}") // kms-api §4.0: algorithm not valid for the spec
    @MethodSource("foreignAlgorithms")
    void algorithmOfAnotherSpecFails(KeySpec spec, SigningAlgorithm algorithm) {
        String expected = "Algorithm " + algorithm + " is incompatible with key spec " + spec + ".";
        assertFails(() -> key(spec).sign(algorithm, MESSAGE, MessageType.RAW), KmsError.InvalidKeyUsage, expected);
        assertFails(() -> key(spec).verify(algorithm, MESSAGE, MessageType.RAW, new byte[64]),
                KmsError.InvalidKeyUsage, expected);
    }

    @ParameterizedTest(name = "{0}") // kms-api §3.2: EXTERNAL_MU is FIPS 204 μ; a message and its μ are the same
    @MethodSource("mlDsaSpecs")
    void externalMuAndRawMessageVerifyAsTheSameMessage(KeySpec spec) {
        AsymmetricKey key = key(spec);
        byte[] mu = Digests.mlDsaMu(key.publicKey(), MESSAGE);
        SigningAlgorithm mlDsa = SigningAlgorithm.ML_DSA_SHAKE_256;
        byte[] signedMu = key.sign(mlDsa, mu, MessageType.EXTERNAL_MU);
        byte[] signedRaw = key.sign(mlDsa, MESSAGE, MessageType.RAW);
        assertThatCode(() -> key.verify(mlDsa, MESSAGE, MessageType.RAW, signedMu)).doesNotThrowAnyException();
        assertThatCode(() -> key.verify(mlDsa, mu, MessageType.EXTERNAL_MU, signedRaw)).doesNotThrowAnyException();
        assertFails(() -> key.verify(mlDsa, Fixtures.flipBit(mu, 9), MessageType.EXTERNAL_MU, signedRaw),
                KmsError.KMSInvalidSignature, "");
        for (int bad : new int[] {32, 63, 65}) {
            assertFails(() -> key.sign(mlDsa, new byte[bad], MessageType.EXTERNAL_MU), KmsError.Validation,
                    "Digest is invalid length for algorithm ML_DSA_SHAKE_256.");
        }
    }

    static Stream<KeySpec> mlDsaSpecs() {
        return Stream.of(KeySpec.ML_DSA_44, KeySpec.ML_DSA_65, KeySpec.ML_DSA_87);
    }

    @Test // kms-api §3.2: ML-DSA signature sizes 2420/3309/4627 B
    void mlDsaSignaturesHaveTheFips204Sizes() {
        assertThat(key(KeySpec.ML_DSA_44).sign(SigningAlgorithm.ML_DSA_SHAKE_256, MESSAGE, MessageType.RAW)).hasSize(2420);
        assertThat(key(KeySpec.ML_DSA_65).sign(SigningAlgorithm.ML_DSA_SHAKE_256, MESSAGE, MessageType.RAW)).hasSize(3309);
        assertThat(key(KeySpec.ML_DSA_87).sign(SigningAlgorithm.ML_DSA_SHAKE_256, MESSAGE, MessageType.RAW)).hasSize(4627);
    }

    @Test
    void rsaSignaturesAreExactlyTheModulusLength() {
        assertThat(key(KeySpec.RSA_2048).sign(SigningAlgorithm.RSASSA_PSS_SHA_512, MESSAGE, MessageType.RAW)).hasSize(256);
        assertThat(key(KeySpec.RSA_3072).sign(SigningAlgorithm.RSASSA_PKCS1_V1_5_SHA_256, MESSAGE, MessageType.RAW))
                .hasSize(384);
        assertThat(key(KeySpec.RSA_4096).sign(SigningAlgorithm.RSASSA_PSS_SHA_256, MESSAGE, MessageType.RAW)).hasSize(512);
    }

    static Stream<Arguments> confusablePairs() {
        return Stream.concat(
                pairs().filter(p -> p.spec == KeySpec.RSA_2048).flatMap(a -> pairs()
                        .filter(b -> b.spec == KeySpec.RSA_2048 && b.algorithm != a.algorithm)
                        .map(b -> Arguments.of(a.algorithm, b.algorithm))),
                Stream.of(Arguments.of(SigningAlgorithm.ED25519_PH_SHA_512, SigningAlgorithm.ED25519_SHA_512),
                        Arguments.of(SigningAlgorithm.ED25519_SHA_512, SigningAlgorithm.ED25519_PH_SHA_512)));
    }

    @ParameterizedTest(name = "signed {0}, verified as {1}") // no algorithm confusion between padding or hash
    @MethodSource("confusablePairs")
    void signatureOfOneAlgorithmFailsUnderAnother(SigningAlgorithm signedWith, SigningAlgorithm verifiedAs) {
        KeySpec spec = signedWith.name().startsWith("ED25519") ? KeySpec.ECC_NIST_EDWARDS25519 : KeySpec.RSA_2048;
        byte[] message = new byte[64]; // a valid RAW message and a valid SHA-512 digest
        MessageType signType = signedWith.accepts(MessageType.RAW) ? MessageType.RAW : MessageType.DIGEST;
        MessageType verifyType = verifiedAs.accepts(MessageType.RAW) ? MessageType.RAW : MessageType.DIGEST;
        byte[] signature = key(spec).sign(signedWith, message, signType);
        assertFails(() -> key(spec).verify(verifiedAs, message, verifyType, signature), KmsError.KMSInvalidSignature, "");
    }

    @Test // PKCS#1 v1.5 is deterministic: RAW and DIGEST give the very same bytes
    void pkcs1SignatureOfMessageAndOfItsDigestAreIdentical() {
        AsymmetricKey key = key(KeySpec.RSA_2048);
        byte[] raw = key.sign(SigningAlgorithm.RSASSA_PKCS1_V1_5_SHA_384, MESSAGE, MessageType.RAW);
        byte[] digest = key.sign(SigningAlgorithm.RSASSA_PKCS1_V1_5_SHA_384, Hash.SHA_384.digest(MESSAGE),
                MessageType.DIGEST);
        assertThat(digest).isEqualTo(raw);
    }
}
