package io.kmsd.core.crypto.asymmetric;

import io.kmsd.core.key.KeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * ECC_NIST_EDWARDS25519 (kms-api §3.2, RFC 8032): ED25519_SHA_512 is pure Ed25519 over the RAW message;
 * ED25519_PH_SHA_512 is Ed25519ph (empty context) whose message M is the 64-byte DIGEST value, pre-hashed
 * again with SHA-512 as Ed25519ph prescribes. Private keys are RFC 8410 PKCS#8 v1 (the 32-byte seed).
 */
final class Ed25519Key extends AsymmetricKey {
    private static final byte[] EMPTY_CONTEXT = new byte[0];
    private static final AlgorithmIdentifier ED25519 = new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519);

    private final Ed25519PrivateKeyParameters privateKey;
    private final Ed25519PublicKeyParameters publicKey;

    private Ed25519Key(Ed25519PrivateKeyParameters privateKey) {
        this(privateKey, privateKey.generatePublicKey());
    }

    private Ed25519Key(Ed25519PrivateKeyParameters privateKey, Ed25519PublicKeyParameters publicKey) {
        super(KeySpec.ECC_NIST_EDWARDS25519, Der.spki(publicKey));
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    static Ed25519Key parse(PrivateKeyInfo info) throws IOException {
        AlgorithmIdentifier algorithm = info.getPrivateKeyAlgorithm();
        Der.require(EdECObjectIdentifiers.id_Ed25519.equals(algorithm.getAlgorithm()), "Ed25519");
        Der.require(algorithm.getParameters() == null, "no parameters"); // RFC 8410 §3
        byte[] seed = ASN1OctetString.getInstance(info.parsePrivateKey()).getOctets();
        Der.require(seed.length == Ed25519PrivateKeyParameters.KEY_SIZE, "seed size");
        Ed25519Key key = new Ed25519Key(new Ed25519PrivateKeyParameters(seed));
        Arrays.fill(seed, (byte) 0);
        Der.require(!info.hasPublicKey()
                || Arrays.equals(info.getPublicKeyData().getOctets(), key.publicKey.getEncoded()), "public key");
        return key;
    }

    static DataKeyPair generate() {
        Ed25519PrivateKeyParameters privateKey = new Ed25519PrivateKeyParameters(Randomness.RANDOM);
        return new DataKeyPair(PrivateMaterial.adopt(KeySpec.ECC_NIST_EDWARDS25519, pkcs8(privateKey)),
                Der.spki(privateKey.generatePublicKey()));
    }

    /** RFC 8410 §7: PKCS#8 v1 holding only the seed, the form OpenSSL writes and every reader takes. */
    private static byte[] pkcs8(Ed25519PrivateKeyParameters privateKey) {
        try {
            return Der.encode(new PrivateKeyInfo(ED25519, new DEROctetString(privateKey.getEncoded())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    byte[] signChecked(SigningAlgorithm algorithm, byte[] message, MessageType type) {
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        if (algorithm == SigningAlgorithm.ED25519_PH_SHA_512) {
            byte[] prehash = Hash.SHA_512.digest(message);
            privateKey.sign(Ed25519.Algorithm.Ed25519ph, EMPTY_CONTEXT, prehash, 0, prehash.length, signature, 0);
        } else {
            privateKey.sign(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0);
        }
        return signature;
    }

    @Override
    boolean verifyChecked(SigningAlgorithm algorithm, byte[] message, MessageType type, byte[] signature) {
        if (signature.length != Ed25519.SIGNATURE_SIZE) {
            return false;
        }
        if (algorithm == SigningAlgorithm.ED25519_PH_SHA_512) {
            byte[] prehash = Hash.SHA_512.digest(message);
            return publicKey.verify(Ed25519.Algorithm.Ed25519ph, EMPTY_CONTEXT, prehash, 0, prehash.length,
                    signature, 0);
        }
        return publicKey.verify(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0);
    }
}
