package io.kmsd.core.crypto.asymmetric;

import io.kmsd.core.key.KeySpec;
import java.io.IOException;
import java.math.BigInteger;
import java.util.EnumMap;
import java.util.Map;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Object;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X962Parameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.generators.SM2KeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * The named curves of the ECC and SM2 specs (secp256r1/384r1/521r1, secp256k1, sm2p256v1): generation, PKCS#8
 * parsing with its checks, and SubjectPublicKeyInfo. Keys are always encoded with the named-curve OID.
 */
final class Curves {
    private static final Map<KeySpec, ASN1ObjectIdentifier> OIDS = new EnumMap<>(Map.of(
            KeySpec.ECC_NIST_P256, SECObjectIdentifiers.secp256r1,
            KeySpec.ECC_NIST_P384, SECObjectIdentifiers.secp384r1,
            KeySpec.ECC_NIST_P521, SECObjectIdentifiers.secp521r1,
            KeySpec.ECC_SECG_P256K1, SECObjectIdentifiers.secp256k1,
            KeySpec.SM2, GMObjectIdentifiers.sm2p256v1));
    private static final Map<KeySpec, ECNamedDomainParameters> DOMAINS = new EnumMap<>(KeySpec.class);

    static {
        OIDS.forEach((spec, oid) -> DOMAINS.put(spec, ECNamedDomainParameters.lookup(oid)));
    }

    private Curves() {
    }

    static ASN1ObjectIdentifier oid(KeySpec spec) {
        ASN1ObjectIdentifier oid = OIDS.get(spec);
        if (oid == null) {
            throw new IllegalArgumentException(spec + " is not an elliptic-curve key spec");
        }
        return oid;
    }

    static ECNamedDomainParameters domain(KeySpec spec) {
        oid(spec);
        return DOMAINS.get(spec);
    }

    static DataKeyPair generate(KeySpec spec) {
        ECKeyPairGenerator generator = spec == KeySpec.SM2 ? new SM2KeyPairGenerator() : new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(domain(spec), Randomness.RANDOM));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        return new DataKeyPair(PrivateMaterial.adopt(spec, Der.pkcs8(pair.getPrivate())), Der.spki(pair.getPublic()));
    }

    /**
     * The key pair of an RFC 5915 PKCS#8 EC key on exactly the spec's named curve, with the scalar in range and
     * an embedded public key, if any, equal to d·G.
     */
    static AsymmetricCipherKeyPair parse(KeySpec spec, PrivateKeyInfo info) throws IOException {
        requireNamedCurve(spec, info.getPrivateKeyAlgorithm());
        ECPrivateKey key = ECPrivateKey.getInstance(info.parsePrivateKey());
        ASN1Object innerCurve = key.getParametersObject();
        Der.require(innerCurve == null || oid(spec).equals(innerCurve), "inner curve");
        ECNamedDomainParameters domain = domain(spec);
        BigInteger d = key.getKey();
        // SM2 (GB/T 32918.1) needs d ≤ n − 2 so that (1 + d) is invertible.
        BigInteger limit = spec == KeySpec.SM2 ? domain.getN().subtract(BigInteger.ONE) : domain.getN();
        Der.require(d.signum() > 0 && d.compareTo(limit) < 0, "scalar range");
        ECPublicKeyParameters publicKey = publicKeyOf(d, domain);
        ASN1BitString embedded = key.getPublicKey();
        Der.require(embedded == null || decode(domain, embedded.getOctets()).equals(publicKey.getQ()), "public key");
        return new AsymmetricCipherKeyPair(publicKey, new ECPrivateKeyParameters(d, domain));
    }

    /** Throws unless the algorithm is id-ecPublicKey with the spec's named curve (no explicit parameters). */
    static void requireNamedCurve(KeySpec spec, AlgorithmIdentifier algorithm) {
        Der.require(X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm.getAlgorithm()), "ecPublicKey");
        X962Parameters parameters = X962Parameters.getInstance(algorithm.getParameters());
        Der.require(parameters.isNamedCurve() && oid(spec).equals(parameters.getParameters()), "named curve");
    }

    /** A point on the domain's curve (BouncyCastle rejects points off the curve). */
    static ECPoint decode(ECNamedDomainParameters domain, byte[] encoded) {
        return domain.getCurve().decodePoint(encoded);
    }

    private static ECPublicKeyParameters publicKeyOf(BigInteger d, ECNamedDomainParameters domain) {
        ECPoint q = new FixedPointCombMultiplier().multiply(domain.getG(), d).normalize();
        return new ECPublicKeyParameters(q, domain);
    }
}
