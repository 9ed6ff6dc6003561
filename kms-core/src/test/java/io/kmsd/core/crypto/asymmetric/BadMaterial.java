package io.kmsd.core.crypto.asymmetric;

import io.kmsd.core.key.KeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/** Well-formed PKCS#8 that must still be rejected, built by re-encoding generated keys. */
final class BadMaterial {
    private BadMaterial() {
    }

    /** A P-256 key whose embedded public key belongs to another key. */
    static byte[] ecWithForeignPublicKey() {
        PrivateKeyInfo info = info(Fixtures.material(KeySpec.ECC_NIST_P256));
        ECPrivateKey ec = ECPrivateKey.getInstance(parse(info));
        byte[] otherPoint = Digests.publicKeyBits(Fixtures.otherKey(KeySpec.ECC_NIST_P256).publicKey());
        return encode(info.getPrivateKeyAlgorithm(), new ECPrivateKey(256, ec.getKey(), new DERBitString(otherPoint), null));
    }

    static byte[] ecWithZeroScalar() {
        PrivateKeyInfo info = info(Fixtures.material(KeySpec.ECC_NIST_P256));
        return encode(info.getPrivateKeyAlgorithm(), new ECPrivateKey(256, BigInteger.ZERO, null));
    }

    /** The same P-256 key without the optional public key: another encoding of the same key. */
    static byte[] withoutPublicKey(PrivateMaterial material) {
        PrivateKeyInfo info = info(material);
        ECPrivateKey ec = ECPrivateKey.getInstance(parse(info));
        return encode(info.getPrivateKeyAlgorithm(), new ECPrivateKey(256, ec.getKey(), null));
    }

    /** An RSA key whose CRT coefficient is off by one: parses, but its signatures do not verify. */
    static byte[] rsaWithBrokenCrt() {
        RSAPrivateKey k = RSAPrivateKey.getInstance(parse(info(Fixtures.material(KeySpec.RSA_2048))));
        RSAPrivateKey broken = new RSAPrivateKey(k.getModulus(), k.getPublicExponent(), k.getPrivateExponent(),
                k.getPrime1(), k.getPrime2(), k.getExponent1(), k.getExponent2(), k.getCoefficient().add(BigInteger.ONE));
        return encode(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE), broken);
    }

    /** An Ed25519 OneAsymmetricKey (v2) whose public key belongs to another key. */
    static byte[] ed25519WithForeignPublicKey() {
        PrivateKeyInfo info = info(Fixtures.material(KeySpec.ECC_NIST_EDWARDS25519));
        byte[] otherPublic = Digests.publicKeyBits(Fixtures.otherKey(KeySpec.ECC_NIST_EDWARDS25519).publicKey());
        try {
            return new PrivateKeyInfo(info.getPrivateKeyAlgorithm(), info.parsePrivateKey(), null, otherPublic)
                    .getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PrivateKeyInfo info(PrivateMaterial material) {
        return PrivateKeyInfo.getInstance(material.encoded());
    }

    private static org.bouncycastle.asn1.ASN1Encodable parse(PrivateKeyInfo info) {
        try {
            return info.parsePrivateKey();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] encode(AlgorithmIdentifier algorithm, org.bouncycastle.asn1.ASN1Object key) {
        try {
            return new PrivateKeyInfo(algorithm, key).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
