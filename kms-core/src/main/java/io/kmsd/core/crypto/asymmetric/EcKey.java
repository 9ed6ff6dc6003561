package io.kmsd.core.crypto.asymmetric;

import io.kmsd.core.key.KeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;

/**
 * ECC_NIST_P256/P384/P521 and ECC_SECG_P256K1 (kms-api §3.2): ECDSA over a digest with a random nonce, the
 * signature a DER {@code SEQUENCE{r, s}} (strict DER on verify); ECDH for the NIST curves.
 */
final class EcKey extends AsymmetricKey {
    private final ECPrivateKeyParameters privateKey;
    private final ECPublicKeyParameters publicKey;

    private EcKey(KeySpec spec, AsymmetricCipherKeyPair pair) {
        super(spec, Der.spki(pair.getPublic()));
        this.privateKey = (ECPrivateKeyParameters) pair.getPrivate();
        this.publicKey = (ECPublicKeyParameters) pair.getPublic();
    }

    static EcKey parse(KeySpec spec, PrivateKeyInfo info) throws IOException {
        return new EcKey(spec, Curves.parse(spec, info));
    }

    @Override
    byte[] signChecked(SigningAlgorithm algorithm, byte[] message, MessageType type) {
        ECDSASigner signer = new ECDSASigner();
        signer.init(true, new ParametersWithRandom(privateKey, Randomness.RANDOM));
        BigInteger[] rs = signer.generateSignature(algorithm.digestOf(message, type));
        try {
            return StandardDSAEncoding.INSTANCE.encode(order(), rs[0], rs[1]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    boolean verifyChecked(SigningAlgorithm algorithm, byte[] message, MessageType type, byte[] signature) {
        BigInteger[] rs;
        try {
            rs = StandardDSAEncoding.INSTANCE.decode(order(), signature); // rejects non-DER encodings
        } catch (IOException e) {
            return false;
        }
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, publicKey);
        return verifier.verifySignature(algorithm.digestOf(message, type), rs[0], rs[1]);
    }

    @Override
    byte[] agreeChecked(byte[] peerPublicKey) {
        return Ecdh.agree(spec(), privateKey, peerPublicKey);
    }

    private BigInteger order() {
        return privateKey.getParameters().getN();
    }
}
