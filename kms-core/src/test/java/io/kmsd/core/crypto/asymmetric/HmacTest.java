package io.kmsd.core.crypto.asymmetric;

import static io.kmsd.core.testing.KmsAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmsd.core.error.KmsError;
import io.kmsd.core.key.KeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** GenerateMac/VerifyMac (kms-api §3.2 HMAC, §4.6); the RFC 4231 vectors are in KnownAnswerTest. */
class HmacTest {
    private static final byte[] MESSAGE = "authenticate me".getBytes(StandardCharsets.UTF_8);

    static Stream<Arguments> foreignAlgorithms() {
        return Arrays.stream(MacAlgorithm.values()).flatMap(spec -> Arrays.stream(MacAlgorithm.values())
                .filter(a -> a != spec).map(a -> Arguments.of(spec.spec(), a)));
    }

    /** kms-api §3.2: import ranges 28–64 / 32–64 / 48–128 / 64–128 B. */
    static Stream<Arguments> importRanges() {
        return Stream.of(Arguments.of(KeySpec.HMAC_224, 28, 64), Arguments.of(KeySpec.HMAC_256, 32, 64),
                Arguments.of(KeySpec.HMAC_384, 48, 128), Arguments.of(KeySpec.HMAC_512, 64, 128));
    }

    @ParameterizedTest(name = "{0}") // kms-api §6 item 38
    @EnumSource(MacAlgorithm.class)
    void generatedKeyMacsAndVerifies(MacAlgorithm algorithm) {
        HmacKey key = HmacKey.parse(MaterialGenerator.generate(algorithm.spec()));
        byte[] mac = key.generateMac(algorithm, MESSAGE);
        assertThat(mac).hasSize(algorithm.generatedKeyBytes()); // MAC = hash length
        assertThatCode(() -> key.verifyMac(algorithm, MESSAGE, mac)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}") // the JDK's HMAC over the same material gives the same MAC
    @EnumSource(MacAlgorithm.class)
    void macEqualsTheJdksHmacOverTheMaterial(MacAlgorithm algorithm) throws Exception {
        PrivateMaterial material = MaterialGenerator.generate(algorithm.spec());
        Mac jdk = Mac.getInstance(algorithm.jdkName());
        jdk.init(new SecretKeySpec(material.encoded(), algorithm.jdkName()));
        assertThat(HmacKey.parse(material).generateMac(algorithm, MESSAGE)).isEqualTo(jdk.doFinal(MESSAGE));
    }

    @ParameterizedTest(name = "{0}") // kms-api §4.6 VerifyMac: mismatch → KMSInvalidMacException, empty message
    @EnumSource(MacAlgorithm.class)
    void everyFlippedBitOfMacOrMessageFails(MacAlgorithm algorithm) {
        HmacKey key = HmacKey.parse(MaterialGenerator.generate(algorithm.spec()));
        byte[] mac = key.generateMac(algorithm, MESSAGE);
        for (int bit = 0; bit < mac.length * 8; bit++) {
            byte[] flipped = Fixtures.flipBit(mac, bit);
            assertFails(() -> key.verifyMac(algorithm, MESSAGE, flipped), KmsError.KMSInvalidMac, "");
        }
        for (int bit = 0; bit < MESSAGE.length * 8; bit++) {
            byte[] altered = Fixtures.flipBit(MESSAGE, bit);
            assertFails(() -> key.verifyMac(algorithm, altered, mac), KmsError.KMSInvalidMac, "");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(MacAlgorithm.class)
    void truncatedExtendedEmptyOrOtherKeysMacsFail(MacAlgorithm algorithm) {
        HmacKey key = HmacKey.parse(MaterialGenerator.generate(algorithm.spec()));
        byte[] mac = key.generateMac(algorithm, MESSAGE);
        byte[] otherKeys = HmacKey.parse(MaterialGenerator.generate(algorithm.spec())).generateMac(algorithm, MESSAGE);
        for (byte[] bad : new byte[][] {Arrays.copyOf(mac, mac.length - 1), Arrays.copyOf(mac, mac.length + 1),
                Arrays.copyOf(mac, 16), new byte[0], otherKeys}) {
            assertFails(() -> key.verifyMac(algorithm, MESSAGE, bad), KmsError.KMSInvalidMac, "");
        }
    }

    @ParameterizedTest(name = "{1} on {0}") // kms-api §4.6: the algorithm must match the spec
    @MethodSource("foreignAlgorithms")
    void algorithmOfAnotherSpecFails(KeySpec spec, MacAlgorithm algorithm) {
        HmacKey key = HmacKey.parse(MaterialGenerator.generate(spec));
        String expected = "Algorithm " + algorithm + " is incompatible with key spec " + spec + ".";
        assertFails(() -> key.generateMac(algorithm, MESSAGE), KmsError.InvalidKeyUsage, expected);
        assertFails(() -> key.verifyMac(algorithm, MESSAGE, new byte[32]), KmsError.InvalidKeyUsage, expected);
    }

    @Test // kms-api §6 item 38, verbatim
    void hmacSha256OnHmac224HasTheDocumentedMessage() {
        HmacKey key = HmacKey.parse(MaterialGenerator.generate(KeySpec.HMAC_224));
        assertFails(() -> key.generateMac(MacAlgorithm.HMAC_SHA_256, MESSAGE), KmsError.InvalidKeyUsage,
                "Algorithm HMAC_SHA_256 is incompatible with key spec HMAC_224.");
    }

    @ParameterizedTest(name = "{0} {1}..{2}")
    @MethodSource("importRanges")
    void materialLengthsInsideTheRangeParseAndOutsideFail(KeySpec spec, int min, int max) {
        assertThat(HmacKey.parse(PrivateMaterial.of(spec, new byte[min])).spec()).isEqualTo(spec);
        assertThat(HmacKey.parse(PrivateMaterial.of(spec, new byte[max])).spec()).isEqualTo(spec);
        for (int bad : new int[] {0, 1, min - 1, max + 1}) {
            assertFails(() -> HmacKey.parse(PrivateMaterial.of(spec, new byte[bad])), KmsError.IncorrectKeyMaterial,
                    "The key material is not valid for key spec " + spec + ".");
        }
    }

    @Test
    void nonHmacSpecsAreNotHmacKeys() {
        assertThatThrownBy(() -> HmacKey.parse(PrivateMaterial.of(KeySpec.SYMMETRIC_DEFAULT, new byte[32])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aKeyOfOneMaterialGivesTheSameMacOnEveryCall() {
        HmacKey key = HmacKey.parse(MaterialGenerator.generate(KeySpec.HMAC_512));
        assertThat(key.generateMac(MacAlgorithm.HMAC_SHA_512, MESSAGE))
                .isEqualTo(key.generateMac(MacAlgorithm.HMAC_SHA_512, MESSAGE));
        assertThat(key).hasToString("HmacKey[HMAC_512]");
    }
}
