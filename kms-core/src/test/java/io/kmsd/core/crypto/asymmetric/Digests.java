package io.kmsd.core.crypto.asymmetric;

import io.kmsd.core.key.KeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHAKEDigest;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * Test-side reference digests, written from the standards and independent of the main code: SHA-2 through the
 * JDK, SM2's e = SM3(Z_A ‖ M) (GB/T 32918.2 §5.5, ID 1234567812345678), FIPS 204 external μ.
 */
final class Digests {
    private Digests() {
    }

    /** The DIGEST value that must verify like the RAW message for this (spec, algorithm). */
    static byte[] of(KeySpec spec, SigningAlgorithm algorithm, byte[] spki, byte[] message) {
        if (algorithm == SigningAlgorithm.SM2DSA) {
            return sm2E(spki, message);
        }
        String name = algorithm.name();
        return sha(name.substring(name.length() - 3), message);
    }

    static byte[] sha(String bits, byte[] message) {
        try {
            return MessageDigest.getInstance("SHA-" + bits).digest(message);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** GB/T 32918.2: Z_A = SM3(ENTL ‖ ID ‖ a ‖ b ‖ x_G ‖ y_G ‖ x_A ‖ y_A); e = SM3(Z_A ‖ M). */
    static byte[] sm2E(byte[] spki, byte[] message) {
        X9ECParameters curve = ECNamedCurveTable.getByName("sm2p256v1");
        ECPoint q = curve.getCurve().decodePoint(publicKeyBits(spki));
        byte[] id = "1234567812345678".getBytes(StandardCharsets.US_ASCII);
        Digest sm3 = new SM3Digest();
        update(sm3, new byte[] {(byte) (id.length * 8 >> 8), (byte) (id.length * 8)});
        update(sm3, id);
        for (BigInteger v : new BigInteger[] {curve.getCurve().getA().toBigInteger(),
                curve.getCurve().getB().toBigInteger(), curve.getG().getAffineXCoord().toBigInteger(),
                curve.getG().getAffineYCoord().toBigInteger(), q.getAffineXCoord().toBigInteger(),
                q.getAffineYCoord().toBigInteger()}) {
            update(sm3, BigIntegers.asUnsignedByteArray(32, v));
        }
        byte[] za = finish(sm3, 32);
        update(sm3, za);
        update(sm3, message);
        return finish(sm3, 32);
    }

    /** FIPS 204 Algorithm 7 with an empty context: μ = H(tr ‖ 0x00 ‖ 0x00 ‖ M, 64), tr = H(pk, 64), H = SHAKE256. */
    static byte[] mlDsaMu(byte[] spki, byte[] message) {
        SHAKEDigest h = new SHAKEDigest(256);
        update(h, publicKeyBits(spki));
        byte[] tr = new byte[64];
        h.doFinal(tr, 0, 64);
        update(h, tr);
        update(h, new byte[] {0, 0});
        update(h, message);
        byte[] mu = new byte[64];
        h.doFinal(mu, 0, 64);
        return mu;
    }

    static byte[] publicKeyBits(byte[] spki) {
        try {
            return SubjectPublicKeyInfo.getInstance(spki).getPublicKeyData().getOctets();
        } catch (RuntimeException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    private static void update(Digest d, byte[] bytes) {
        d.update(bytes, 0, bytes.length);
    }

    private static byte[] finish(Digest d, int length) {
        byte[] out = new byte[length];
        d.doFinal(out, 0);
        return out;
    }
}
