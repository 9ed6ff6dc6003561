package io.kmsd.core.crypto.asymmetric;

import io.kmsd.core.key.KeySpec;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM2Engine;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;

/**
 * SM2 (kms-api §3.2, GB/T 32918): SM2DSA signs RAW messages with the distinguishing ID 1234567812345678 and
 * DIGEST values as e = SM3(Z_A ‖ M) computed by the caller; the signature is DER {@code SEQUENCE{r, s}}.
 * SM2PKE ciphertexts are raw {@code C1 ‖ C3 ‖ C2} (uncompressed C1, SM3), the current GB/T 32918.4 order;
 * ECDH is plain ECDH on sm2p256v1.
 */
final class Sm2Key extends AsymmetricKey {
    /** kms-api §3.2: the distinguishing ID of SM2DSA RAW signatures. */
    static final byte[] DISTINGUISHING_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);

    private final ECPrivateKeyParameters privateKey;
    private final ECPublicKeyParameters publicKey;

    private Sm2Key(AsymmetricCipherKeyPair pair) {
        super(KeySpec.SM2, Der.spki(pair.getPublic()));
        this.privateKey = (ECPrivateKeyParameters) pair.getPrivate();
        this.publicKey = (ECPublicKeyParameters) pair.getPublic();
    }

    static Sm2Key parse(PrivateKeyInfo info) throws IOException {
        return new Sm2Key(Curves.parse(KeySpec.SM2, info));
    }

    @Override
    byte[] signChecked(SigningAlgorithm algorithm, byte[] message, MessageType type) {
        SM2Signer signer = signer(message, type);
        signer.init(true, withId(new ParametersWithRandom(privateKey, Randomness.RANDOM)));
        if (type == MessageType.RAW) {
            signer.update(message, 0, message.length);
        }
        try {
            return signer.generateSignature();
        } catch (CryptoException e) {
            throw new IllegalStateException("SM2 signing failed", e);
        }
    }

    @Override
    boolean verifyChecked(SigningAlgorithm algorithm, byte[] message, MessageType type, byte[] signature) {
        SM2Signer verifier = signer(message, type);
        verifier.init(false, withId(publicKey));
        if (type == MessageType.RAW) {
            verifier.update(message, 0, message.length);
        }
        return verifier.verifySignature(signature);
    }

    @Override
    byte[] encryptChecked(EncryptionAlgorithm algorithm, byte[] plaintext) {
        SM2Engine engine = engine();
        engine.init(true, new ParametersWithRandom(publicKey, Randomness.RANDOM));
        try {
            return engine.processBlock(plaintext, 0, plaintext.length);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("SM2 encryption failed", e);
        }
    }

    @Override
    byte[] decryptChecked(EncryptionAlgorithm algorithm, byte[] ciphertext) throws InvalidCipherTextException {
        SM2Engine engine = engine();
        engine.init(false, privateKey);
        return engine.processBlock(ciphertext, 0, ciphertext.length);
    }

    @Override
    byte[] agreeChecked(byte[] peerPublicKey) {
        return Ecdh.agree(KeySpec.SM2, privateKey, peerPublicKey);
    }

    private static SM2Engine engine() {
        return new SM2Engine(new SM3Digest(), SM2Engine.Mode.C1C3C2);
    }

    private static SM2Signer signer(byte[] message, MessageType type) {
        return type == MessageType.DIGEST ? new GivenDigestSigner(message) : new SM2Signer();
    }

    private static CipherParameters withId(CipherParameters key) {
        return new ParametersWithID(key, DISTINGUISHING_ID);
    }

    /** BouncyCastle's SM2 signer with its e-hook returning the caller's e = SM3(Z_A ‖ M) instead of its own. */
    private static final class GivenDigestSigner extends SM2Signer {
        private final BigInteger e;

        GivenDigestSigner(byte[] digest) {
            this.e = new BigInteger(1, digest);
        }

        @Override
        protected BigInteger calculateE(BigInteger n, byte[] ignoredHash) {
            return e;
        }
    }
}
