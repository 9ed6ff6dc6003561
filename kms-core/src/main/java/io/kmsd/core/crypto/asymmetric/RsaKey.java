package io.kmsd.core.crypto.asymmetric;

import io.kmsd.core.key.KeySpec;
import java.io.IOException;
import java.math.BigInteger;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.crypto.AsymmetricBlockCipher;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.Signer;
import org.bouncycastle.crypto.digests.Prehash;
import org.bouncycastle.crypto.encodings.OAEPEncoding;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.signers.PSSSigner;
import org.bouncycastle.crypto.signers.RSADigestSigner;

/**
 * RSA_2048/3072/4096 (kms-api §3.2): RSASSA-PSS (MGF1 with the same hash, salt = hash length) and PKCS#1 v1.5
 * signatures over a digest, so RAW and DIGEST take one path; RSAES-OAEP (MGF1 same hash, empty label) with
 * ciphertexts of exactly k/8 bytes.
 */
final class RsaKey extends AsymmetricKey {
    private static final BigInteger F4 = BigInteger.valueOf(65537);
    /** Miller-Rabin certainty for key generation (BouncyCastle derives the FIPS 186-4 round counts from it). */
    private static final int CERTAINTY = 100;

    private final RSAPrivateCrtKeyParameters privateKey;
    private final RSAKeyParameters publicKey;
    private final int modulusBytes;

    private RsaKey(KeySpec spec, RSAPrivateCrtKeyParameters privateKey) {
        this(spec, privateKey, new RSAKeyParameters(false, privateKey.getModulus(), privateKey.getPublicExponent()));
    }

    private RsaKey(KeySpec spec, RSAPrivateCrtKeyParameters privateKey, RSAKeyParameters publicKey) {
        super(spec, Der.spki(publicKey));
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.modulusBytes = modulusBytes(spec);
    }

    /** k/8: the modulus length in bytes, which is also the length of every signature and ciphertext. */
    static int modulusBytes(KeySpec spec) {
        return switch (spec) {
            case RSA_2048 -> 256;
            case RSA_3072 -> 384;
            case RSA_4096 -> 512;
            default -> throw new IllegalArgumentException(spec + " is not an RSA key spec");
        };
    }

    static RsaKey parse(KeySpec spec, PrivateKeyInfo info) throws IOException {
        Der.require(PKCSObjectIdentifiers.rsaEncryption.equals(info.getPrivateKeyAlgorithm().getAlgorithm()), "rsa");
        RSAPrivateKey k = RSAPrivateKey.getInstance(info.parsePrivateKey());
        Der.require(k.getModulus().bitLength() == modulusBytes(spec) * 8, "modulus size");
        Der.require(k.getPublicExponent().testBit(0) && k.getPublicExponent().compareTo(BigInteger.ONE) > 0, "e");
        return new RsaKey(spec, new RSAPrivateCrtKeyParameters(k.getModulus(), k.getPublicExponent(),
                k.getPrivateExponent(), k.getPrime1(), k.getPrime2(), k.getExponent1(), k.getExponent2(),
                k.getCoefficient()));
    }

    static DataKeyPair generate(KeySpec spec) {
        RSAKeyPairGenerator generator = new RSAKeyPairGenerator();
        generator.init(new RSAKeyGenerationParameters(F4, Randomness.RANDOM, modulusBytes(spec) * 8, CERTAINTY));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        return new DataKeyPair(PrivateMaterial.adopt(spec, Der.pkcs8(pair.getPrivate())), Der.spki(pair.getPublic()));
    }

    @Override
    byte[] signChecked(SigningAlgorithm algorithm, byte[] message, MessageType type) {
        Signer signer = signer(algorithm);
        signer.init(true, new ParametersWithRandom(privateKey, Randomness.RANDOM));
        feed(signer, algorithm.digestOf(message, type));
        try {
            return signer.generateSignature();
        } catch (CryptoException e) {
            throw new IllegalStateException("RSA signing failed", e);
        }
    }

    @Override
    boolean verifyChecked(SigningAlgorithm algorithm, byte[] message, MessageType type, byte[] signature) {
        if (signature.length != modulusBytes) {
            return false; // RFC 8017 §8.1.2 / §8.2.2 step 1
        }
        Signer signer = signer(algorithm);
        signer.init(false, publicKey);
        feed(signer, algorithm.digestOf(message, type));
        return signer.verifySignature(signature);
    }

    @Override
    byte[] encryptChecked(EncryptionAlgorithm algorithm, byte[] plaintext) {
        AsymmetricBlockCipher oaep = oaep(algorithm);
        oaep.init(true, new ParametersWithRandom(publicKey, Randomness.RANDOM));
        try {
            return oaep.processBlock(plaintext, 0, plaintext.length);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("RSA-OAEP encryption failed", e);
        }
    }

    @Override
    byte[] decryptChecked(EncryptionAlgorithm algorithm, byte[] ciphertext) throws InvalidCipherTextException {
        if (ciphertext.length != modulusBytes) {
            throw new InvalidCipherTextException("ciphertext length"); // RFC 8017 §7.1.2 step 1
        }
        AsymmetricBlockCipher oaep = oaep(algorithm);
        oaep.init(false, new ParametersWithRandom(privateKey, Randomness.RANDOM));
        return oaep.processBlock(ciphertext, 0, ciphertext.length);
    }

    /** BouncyCastle signer objects are cheap to build and not thread-safe: one per call. */
    private static Signer signer(SigningAlgorithm algorithm) {
        Hash hash = algorithm.hash();
        if (algorithm.name().startsWith("RSASSA_PSS")) {
            return PSSSigner.createRawSigner(new RSABlindedEngine(), hash.newDigest(), hash.newDigest(),
                    hash.length(), PSSSigner.TRAILER_IMPLICIT);
        }
        return new RSADigestSigner(Prehash.forDigest(hash.newDigest()), hash.oid());
    }

    private static void feed(Signer signer, byte[] digest) {
        signer.update(digest, 0, digest.length);
    }

    private static AsymmetricBlockCipher oaep(EncryptionAlgorithm algorithm) {
        Hash hash = algorithm.hash();
        return new OAEPEncoding(new RSABlindedEngine(), hash.newDigest(), hash.newDigest(), null);
    }
}
