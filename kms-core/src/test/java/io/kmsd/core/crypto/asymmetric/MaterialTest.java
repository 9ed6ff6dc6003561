package io.kmsd.core.crypto.asymmetric;

import static io.kmsd.core.crypto.asymmetric.Fixtures.key;
import static io.kmsd.core.crypto.asymmetric.Fixtures.material;
import static io.kmsd.core.testing.KmsAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmsd.core.error.KmsError;
import io.kmsd.core.key.KeySpec;
import io.kmsd.core.key.KeyUsage;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X962Parameters;
import org.bouncycastle.crypto.params.MLDSAPrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Key generation per spec (kms-api §3.2 "Material"), encodings, data key pairs and the material type itself. */
class MaterialTest {
    static Stream<KeySpec> asymmetricSpecs() {
        return Fixtures.asymmetricSpecs().stream();
    }

    /** kms-api §3.2: the curve of every ECC spec, as its named-curve OID in the SPKI. */
    static Stream<Arguments> curves() {
        return Stream.of(Arguments.of(KeySpec.ECC_NIST_P256, "1.2.840.10045.3.1.7", 91),
                Arguments.of(KeySpec.ECC_NIST_P384, "1.3.132.0.34", 120),
                Arguments.of(KeySpec.ECC_NIST_P521, "1.3.132.0.35", 158),
                Arguments.of(KeySpec.ECC_SECG_P256K1, "1.3.132.0.10", 88),
                Arguments.of(KeySpec.SM2, "1.2.156.10197.1.301", 91));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("asymmetricSpecs")
    void generatedMaterialParsesAsItsSpecAndPairsMatch(KeySpec spec) {
        assertThat(key(spec).spec()).isEqualTo(spec);
        assertThat(key(spec).isConsistent()).isTrue();
        if (DataKeyPair.isPairSpec(spec) && spec != KeySpec.RSA_3072 && spec != KeySpec.RSA_4096) { // slow keygen
            DataKeyPair pair = DataKeyPair.generate(spec);
            assertThat(AsymmetricKey.parse(pair.privateKey()).publicKey()).isEqualTo(pair.publicKey());
        }
    }

    @ParameterizedTest(name = "{0}") // kms-api §3.2: RSA, e = 65537
    @EnumSource(value = KeySpec.class, names = {"RSA_2048", "RSA_3072", "RSA_4096"})
    void rsaKeysHaveTheSpecsModulusAndF4(KeySpec spec) throws Exception {
        RSAPublicKey rsa = (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(key(spec).publicKey()));
        assertThat(rsa.getModulus().bitLength()).isEqualTo(RsaKey.modulusBytes(spec) * 8);
        assertThat(rsa.getPublicExponent()).isEqualTo(BigInteger.valueOf(65537));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("curves")
    void eccKeysAreOnTheirNamedCurveWithUncompressedPoints(KeySpec spec, String curveOid, int spkiLength) {
        SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(key(spec).publicKey());
        assertThat(X962Parameters.getInstance(spki.getAlgorithm().getParameters()).getParameters().toString())
                .isEqualTo(curveOid);
        assertThat(key(spec).publicKey()).hasSize(spkiLength);
        assertThat(spki.getPublicKeyData().getOctets()[0]).isEqualTo((byte) 0x04);
    }

    @ParameterizedTest(name = "{0}") // kms-api §6 item 33: the halves of a data key pair match, for the JDK too
    @EnumSource(value = KeySpec.class, names = {"ECC_NIST_P256", "ECC_NIST_P384", "ECC_NIST_P521",
            "ECC_NIST_EDWARDS25519", "RSA_2048"})
    void jdkSignsWithThePkcs8AndVerifiesWithTheSpki(KeySpec spec) throws Exception {
        DataKeyPair pair = DataKeyPair.generate(spec);
        String family = CrossImplementationTest.jdkFamily(spec);
        String algorithm = switch (family) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> "Ed25519";
        };
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(KeyFactory.getInstance(family).generatePrivate(new PKCS8EncodedKeySpec(pair.privateKey().encoded())));
        signer.update(new byte[] {42});
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(KeyFactory.getInstance(family).generatePublic(new X509EncodedKeySpec(pair.publicKey())));
        verifier.update(new byte[] {42});
        assertThat(verifier.verify(signature)).isTrue();
    }

    @Test // RFC 8410 §7: the 48-byte v1 form OpenSSL writes
    void ed25519PrivateKeysAreSeedOnlyPkcs8() {
        assertThat(material(KeySpec.ECC_NIST_EDWARDS25519).length()).isEqualTo(48);
        assertThat(key(KeySpec.ECC_NIST_EDWARDS25519).publicKey()).hasSize(44);
    }

    @Test // FIPS 204 public key sizes 1312/1952/2592 B; private keys in the 32-byte seed form
    void mlDsaKeysUseTheSeedFormAndFips204PublicKeys() {
        assertThat(material(KeySpec.ML_DSA_44).length()).isEqualTo(54);
        assertThat(Digests.publicKeyBits(key(KeySpec.ML_DSA_44).publicKey())).hasSize(1312);
        assertThat(Digests.publicKeyBits(key(KeySpec.ML_DSA_65).publicKey())).hasSize(1952);
        assertThat(Digests.publicKeyBits(key(KeySpec.ML_DSA_87).publicKey())).hasSize(2592);
    }

    @Test // imported ML-DSA keys may come in the "both" (seed + expanded) PKCS#8 form as well
    void mlDsaKeysInTheBothFormParseToTheSameKey() throws Exception {
        MLDSAPrivateKeyParameters seeded = (MLDSAPrivateKeyParameters) PrivateKeyFactory.createKey(
                material(KeySpec.ML_DSA_44).encoded());
        byte[] both = PrivateKeyInfoFactory.createPrivateKeyInfo(
                seeded.withPreferredFormat(MLDSAPrivateKeyParameters.BOTH)).getEncoded();
        assertThat(both.length).isGreaterThan(2500);
        assertThat(AsymmetricKey.parse(PrivateMaterial.of(KeySpec.ML_DSA_44, both)).publicKey())
                .isEqualTo(key(KeySpec.ML_DSA_44).publicKey());
    }

    @Test // kms-api §3.2: HMAC material 28/32/48/64 random bytes
    void hmacMaterialHasTheHashLengthAndIsRandom() {
        assertThat(MaterialGenerator.generate(KeySpec.HMAC_224).length()).isEqualTo(28);
        assertThat(MaterialGenerator.generate(KeySpec.HMAC_256).length()).isEqualTo(32);
        assertThat(MaterialGenerator.generate(KeySpec.HMAC_384).length()).isEqualTo(48);
        assertThat(MaterialGenerator.generate(KeySpec.HMAC_512).length()).isEqualTo(64);
        assertThat(MaterialGenerator.generate(KeySpec.HMAC_256)).isNotEqualTo(MaterialGenerator.generate(KeySpec.HMAC_256));
    }

    @Test
    void symmetricMaterialIsNotMadeHere() {
        assertThatThrownBy(() -> MaterialGenerator.generate(KeySpec.SYMMETRIC_DEFAULT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AsymmetricKey.parse(PrivateMaterial.of(KeySpec.HMAC_256, new byte[32])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0}") // kms-api §4.5: DataKeyPairSpec excludes ML-DSA, HMAC and symmetric specs
    @EnumSource(value = KeySpec.class, names = {"ML_DSA_44", "ML_DSA_65", "ML_DSA_87", "HMAC_256", "SYMMETRIC_DEFAULT"})
    void specsThatAreNoDataKeyPairSpecFail(KeySpec spec) {
        assertThat(DataKeyPair.isPairSpec(spec)).isFalse();
        assertFails(() -> DataKeyPair.generate(spec), KmsError.UnsupportedOperation,
                "KeyPairSpec " + spec + " is not supported.");
    }

    @Test
    void dataKeyPairsAreFreshEveryTime() {
        assertThat(DataKeyPair.generate(KeySpec.ECC_NIST_P256).publicKey())
                .isNotEqualTo(DataKeyPair.generate(KeySpec.ECC_NIST_P256).publicKey());
    }

    @Test // STYLE: key material never prints, compares in constant time, hands out copies
    void privateMaterialNeverLeaksItsBytes() {
        byte[] secret = Fixtures.bytes(32, 0xab);
        PrivateMaterial material = PrivateMaterial.of(KeySpec.HMAC_256, secret);
        secret[0] = 0;
        assertThat(material.encoded()[0]).isEqualTo((byte) 0xab);
        material.encoded()[1] = 0;
        assertThat(material.encoded()[1]).isEqualTo((byte) 0xab);
        assertThat(material).hasToString("PrivateMaterial[HMAC_256, 32 bytes]");
        assertThat(material.toString()).doesNotContain("ab", "AB");
        assertThat(material.hashCode()).isEqualTo(PrivateMaterial.of(KeySpec.HMAC_256, new byte[32]).hashCode());
        assertThat(material).isEqualTo(PrivateMaterial.of(KeySpec.HMAC_256, Fixtures.bytes(32, 0xab)))
                .isNotEqualTo(PrivateMaterial.of(KeySpec.HMAC_384, Fixtures.bytes(32, 0xab)));
        assertThat(material.toPlaintext()).hasToString("Plaintext[32 bytes]");
        material.destroy();
        assertThat(material.encoded()).containsOnly(0);
    }

    @Test
    void handlesPrintTheirSpecOnly() {
        assertThat(key(KeySpec.ECC_NIST_P256)).hasToString("EcKey[ECC_NIST_P256]");
        assertThat(DataKeyPair.generate(KeySpec.ECC_NIST_P256)).hasToString("DataKeyPair[ECC_NIST_P256]");
        byte[] publicKey = key(KeySpec.ECC_NIST_P256).publicKey();
        publicKey[0] = 0;
        assertThat(key(KeySpec.ECC_NIST_P256).publicKey()[0]).isEqualTo((byte) 0x30);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("asymmetricSpecs")
    void unparsableMaterialIsIncorrectKeyMaterial(KeySpec spec) {
        for (byte[] bad : new byte[][] {new byte[0], Fixtures.bytes(40, 0x30), Randomness.bytes(100)}) {
            assertFails(() -> AsymmetricKey.parse(PrivateMaterial.of(spec, bad)), KmsError.IncorrectKeyMaterial,
                    "The key material is not valid for key spec " + spec + ".");
        }
    }

    @Test // the key service maps the spec table's strings onto these enums: both must agree exactly
    void everyAlgorithmNameOfTheSpecTableHasAnEnumAndBack() {
        Set<String> inTable = new HashSet<>();
        for (KeySpec spec : KeySpec.values()) {
            for (KeyUsage usage : KeyUsage.values()) {
                inTable.addAll(spec.algorithmsFor(usage));
            }
        }
        Set<String> ours = new HashSet<>(Set.of("SYMMETRIC_DEFAULT"));
        Stream.of(SigningAlgorithm.values(), EncryptionAlgorithm.values(), MacAlgorithm.values(),
                KeyAgreementAlgorithm.values()).flatMap(Arrays::stream).map(Enum::name).forEach(ours::add);
        assertThat(ours).isEqualTo(inTable);
    }
}
