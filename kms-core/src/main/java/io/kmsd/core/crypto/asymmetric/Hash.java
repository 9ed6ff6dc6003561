package io.kmsd.core.crypto.asymmetric;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.Supplier;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * The hash functions the algorithms use. Messages are hashed with the JDK's digests (SHA intrinsics), one
 * instance per thread; BouncyCastle digest objects are made fresh for the constructions that need one (OAEP,
 * PSS, MGF1), which is cheap.
 */
enum Hash {
    SHA_1("SHA-1", 20, OIWObjectIdentifiers.idSHA1, SHA1Digest::new),
    SHA_256("SHA-256", 32, NISTObjectIdentifiers.id_sha256, SHA256Digest::new),
    SHA_384("SHA-384", 48, NISTObjectIdentifiers.id_sha384, SHA384Digest::new),
    SHA_512("SHA-512", 64, NISTObjectIdentifiers.id_sha512, SHA512Digest::new),
    SM3(null, 32, null, SM3Digest::new);

    private final int length;
    private final ASN1ObjectIdentifier oid;
    private final Supplier<Digest> bc;
    private final ThreadLocal<MessageDigest> jdk;

    Hash(String jdkName, int length, ASN1ObjectIdentifier oid, Supplier<Digest> bc) {
        this.length = length;
        this.oid = oid;
        this.bc = bc;
        this.jdk = jdkName == null ? null : ThreadLocal.withInitial(() -> jdkDigest(jdkName));
    }

    int length() {
        return length;
    }

    /** The algorithm's OID, for PKCS#1 v1.5 DigestInfo. */
    ASN1ObjectIdentifier oid() {
        return oid;
    }

    Digest newDigest() {
        return bc.get();
    }

    byte[] digest(byte[] message) {
        if (jdk != null) {
            return jdk.get().digest(message); // digest() resets the instance
        }
        Digest d = newDigest();
        d.update(message, 0, message.length);
        byte[] out = new byte[length];
        d.doFinal(out, 0);
        return out;
    }

    private static MessageDigest jdkDigest(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(name + " unavailable", e);
        }
    }
}
