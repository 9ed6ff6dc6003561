package io.kmsd.api;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.digests.SHAKEDigest;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519phSigner;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The independent side of the interoperability tests: the JDK's providers (and BouncyCastle where the JDK has
 * no implementation: secp256k1, Ed25519ph, ML-DSA), working only from what the server hands out — DER
 * SubjectPublicKeyInfo and PKCS#8 — with the algorithms spelled as kms-api §3.2 defines them.
 */
public final class LocalCrypto {
    public static final Provider BC = new BouncyCastleProvider();
    private static final SecureRandom RANDOM = new SecureRandom();

    private LocalCrypto() {
    }

    /** The KeyFactory algorithm and provider for a key spec's DER keys. */
    static KeyFactory keyFactory(String keySpec) throws GeneralSecurityException {
        if (keySpec.startsWith("RSA")) {
            return KeyFactory.getInstance("RSA");
        }
        if (keySpec.startsWith("ECC_NIST_P")) {
            return KeyFactory.getInstance("EC");
        }
        return switch (keySpec) {
            case "ECC_SECG_P256K1" -> KeyFactory.getInstance("EC", BC);
            case "ECC_NIST_EDWARDS25519" -> KeyFactory.getInstance("Ed25519");
            default -> KeyFactory.getInstance("ML-DSA", BC);
        };
    }

    public static PublicKey publicKey(String keySpec, byte[] spki) throws GeneralSecurityException {
        return keyFactory(keySpec).generatePublic(new X509EncodedKeySpec(spki));
    }

    public static PrivateKey privateKey(String keySpec, byte[] pkcs8) throws GeneralSecurityException {
        return keyFactory(keySpec).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }

    /** A JCA Signature for a §3.2 algorithm (PSS: MGF1 with the same hash, salt = hash length). */
    static Signature signature(String algorithm, String keySpec) throws GeneralSecurityException {
        String hash = "SHA-" + algorithm.substring(algorithm.length() - 3);
        if (algorithm.startsWith("RSASSA_PSS")) {
            Signature s = Signature.getInstance("RSASSA-PSS");
            s.setParameter(new PSSParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash),
                    MessageDigest.getInstance(hash).getDigestLength(), 1));
            return s;
        }
        String jca = hash.replace("-", "");
        if (algorithm.startsWith("RSASSA_PKCS1")) {
            return Signature.getInstance(jca + "withRSA");
        }
        if (algorithm.startsWith("ECDSA")) {
            return keySpec.equals("ECC_SECG_P256K1") ? Signature.getInstance(jca + "withECDSA", BC)
                    : Signature.getInstance(jca + "withECDSA");
        }
        return algorithm.equals("ED25519_SHA_512") ? Signature.getInstance("Ed25519")
                : Signature.getInstance("ML-DSA", BC);
    }

    /** Verifies a signature over the RAW message with the public key alone. Ed25519ph: see {@link #verifyEd25519ph}. */
    public static boolean verify(String algorithm, String keySpec, byte[] spki, byte[] message, byte[] sig)
            throws GeneralSecurityException {
        Signature s = signature(algorithm, keySpec);
        s.initVerify(publicKey(keySpec, spki));
        s.update(message);
        return s.verify(sig);
    }

    public static byte[] sign(String algorithm, String keySpec, PrivateKey key, byte[] message)
            throws GeneralSecurityException {
        Signature s = signature(algorithm, keySpec);
        s.initSign(key);
        s.update(message);
        return s.sign();
    }

    /** RFC 8032 Ed25519ph, empty context, whose message is the 64-byte DIGEST value (kms-api §3.2). */
    public static boolean verifyEd25519ph(byte[] spki, byte[] digest, byte[] sig) {
        Ed25519phSigner verifier = new Ed25519phSigner(new byte[0]);
        verifier.init(false, new Ed25519PublicKeyParameters(rawPublicKey(spki)));
        verifier.update(digest, 0, digest.length);
        return verifier.verifySignature(sig);
    }

    /** FIPS 204 μ = SHAKE256(SHAKE256(pk, 64) ‖ 0 ‖ 0 ‖ M, 64): pure ML-DSA with an empty context. */
    public static byte[] mlDsaMu(byte[] spki, byte[] message) {
        byte[] tr = shake256(rawPublicKey(spki));
        byte[] prefixed = new byte[tr.length + 2 + message.length];
        System.arraycopy(tr, 0, prefixed, 0, tr.length);
        System.arraycopy(message, 0, prefixed, tr.length + 2, message.length);
        return shake256(prefixed);
    }

    public static byte[] digest(String algorithm, byte[] message) throws GeneralSecurityException {
        return MessageDigest.getInstance("SHA-" + algorithm.substring(algorithm.length() - 3)).digest(message);
    }

    /** RSAES-OAEP with MGF1 of the same hash and an empty label (kms-api §3.2). */
    public static Cipher oaep(String algorithm, int mode, java.security.Key key) throws GeneralSecurityException {
        boolean sha1 = algorithm.endsWith("SHA_1");
        Cipher c = Cipher.getInstance("RSA/ECB/OAEPPadding");
        c.init(mode, key, new OAEPParameterSpec(sha1 ? "SHA-1" : "SHA-256", "MGF1",
                sha1 ? MGF1ParameterSpec.SHA1 : MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
        return c;
    }

    public static KeyPair ecKeyPair(String curve) throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec(curve));
        return g.generateKeyPair();
    }

    /** ECDH of a local private key with a peer's SPKI: the shared x-coordinate. */
    public static byte[] ecdh(PrivateKey mine, PublicKey peer) throws GeneralSecurityException {
        KeyAgreement ka = KeyAgreement.getInstance("ECDH");
        ka.init(mine);
        ka.doPhase(peer, true);
        return ka.generateSecret();
    }

    static byte[] rawPublicKey(byte[] spki) {
        return SubjectPublicKeyInfo.getInstance(spki).getPublicKeyData().getBytes();
    }

    private static byte[] shake256(byte[] in) {
        SHAKEDigest d = new SHAKEDigest(256);
        d.update(in, 0, in.length);
        byte[] out = new byte[64];
        d.doFinal(out, 0, out.length);
        return out;
    }

    public static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    static byte[] flipped(byte[] bytes, int index) {
        byte[] copy = Arrays.copyOf(bytes, bytes.length);
        copy[index] ^= 0x01;
        return copy;
    }
}
