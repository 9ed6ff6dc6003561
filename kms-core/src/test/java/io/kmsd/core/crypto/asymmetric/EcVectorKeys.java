package io.kmsd.core.crypto.asymmetric;

import static io.kmsd.core.crypto.asymmetric.Fixtures.hex;

import io.kmsd.core.key.KeySpec;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.util.BigIntegers;

/**
 * EC keys built from the hex values of a known-answer vector: the private scalar as our PKCS#8 material, the
 * public point (x, y) as a DER SubjectPublicKeyInfo, and both as JDK keys for the cross-check.
 */
final class EcVectorKeys {
    private EcVectorKeys() {
    }

    static PrivateMaterial material(KeySpec spec, String scalarHex) {
        ECPrivateKeyParameters d = new ECPrivateKeyParameters(new BigInteger(scalarHex, 16), Curves.domain(spec));
        return PrivateMaterial.of(spec, Der.pkcs8(d));
    }

    static AsymmetricKey key(KeySpec spec, String scalarHex) {
        return AsymmetricKey.parse(material(spec, scalarHex));
    }

    /** The uncompressed point 04 ‖ x ‖ y, each padded to the field size, decoded (so checked on the curve). */
    static byte[] spki(KeySpec spec, String xHex, String yHex) {
        ECNamedDomainParameters domain = Curves.domain(spec);
        int size = (domain.getCurve().getFieldSize() + 7) / 8;
        byte[] point = hex("04" + hex(padded(size, xHex)) + hex(padded(size, yHex)));
        return Der.spki(new ECPublicKeyParameters(Curves.decode(domain, point), domain));
    }

    static PublicKey jdkPublicKey(byte[] spki) throws GeneralSecurityException {
        return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(spki));
    }

    static PrivateKey jdkPrivateKey(PrivateMaterial material) throws GeneralSecurityException {
        return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(material.encoded()));
    }

    private static byte[] padded(int size, String hexValue) {
        return BigIntegers.asUnsignedByteArray(size, new BigInteger(hexValue, 16));
    }
}
