package io.kmsd.core.crypto.asymmetric;

import io.kmsd.core.key.KeySpec;
import java.io.IOException;
import java.math.BigInteger;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.agreement.ECDHCBasicAgreement;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.util.BigIntegers;

/**
 * kms-api §3.2 ECDH: cofactor Diffie-Hellman (SP 800-56A ECC CDH); the secret is the x-coordinate of the
 * shared point, left-padded to the field size (32/48/66 bytes). SM2 keys use the same plain ECDH on
 * sm2p256v1, which is what AWS names {@code ECDH} for them (not the SM2 key-exchange protocol).
 */
final class Ecdh {
    private Ecdh() {
    }

    static byte[] agree(KeySpec spec, ECPrivateKeyParameters privateKey, byte[] peerPublicKey) {
        ECPublicKeyParameters peer = peer(spec, peerPublicKey);
        ECDHCBasicAgreement agreement = new ECDHCBasicAgreement();
        agreement.init(privateKey);
        BigInteger x;
        try {
            x = agreement.calculateAgreement(peer);
        } catch (RuntimeException e) {
            throw Failures.invalidPeerKey(); // the point at infinity: not a valid peer key
        }
        return BigIntegers.asUnsignedByteArray(agreement.getFieldSize(), x);
    }

    /** kms-api §4.6: DER SubjectPublicKeyInfo with id-ecPublicKey on the key's named curve, else Validation (""). */
    static ECPublicKeyParameters peer(KeySpec spec, byte[] der) {
        try {
            SubjectPublicKeyInfo info = Der.publicKeyInfo(der);
            Curves.requireNamedCurve(spec, info.getAlgorithm());
            ECNamedDomainParameters domain = Curves.domain(spec);
            return new ECPublicKeyParameters(Curves.decode(domain, info.getPublicKeyData().getOctets()), domain);
        } catch (IOException | RuntimeException e) {
            throw Failures.invalidPeerKey();
        }
    }
}
