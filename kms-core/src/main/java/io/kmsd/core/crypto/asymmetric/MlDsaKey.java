package io.kmsd.core.crypto.asymmetric;

import io.kmsd.core.key.KeySpec;
import java.io.IOException;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.generators.MLDSAKeyPairGenerator;
import org.bouncycastle.crypto.params.MLDSAKeyGenerationParameters;
import org.bouncycastle.crypto.params.MLDSAParameters;
import org.bouncycastle.crypto.params.MLDSAPrivateKeyParameters;
import org.bouncycastle.crypto.params.MLDSAPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.MLDSASigner;
import org.bouncycastle.crypto.util.PrivateKeyFactory;

/**
 * ML_DSA_44/65/87 (kms-api §3.2, FIPS 204): ML_DSA_SHAKE_256 is hedged ML-DSA with an empty context over the
 * RAW message, or over a given μ (EXTERNAL_MU, 64 bytes), so a message and its μ verify alike. Generated
 * private keys use the seed-only PKCS#8 form (54 bytes); parsing also takes the expanded and "both" forms.
 */
final class MlDsaKey extends AsymmetricKey {
    private final MLDSAPrivateKeyParameters privateKey;
    private final MLDSAPublicKeyParameters publicKey;

    private MlDsaKey(KeySpec spec, MLDSAPrivateKeyParameters privateKey, MLDSAPublicKeyParameters publicKey) {
        super(spec, Der.spki(publicKey));
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    static MLDSAParameters parameters(KeySpec spec) {
        return switch (spec) {
            case ML_DSA_44 -> MLDSAParameters.ml_dsa_44;
            case ML_DSA_65 -> MLDSAParameters.ml_dsa_65;
            case ML_DSA_87 -> MLDSAParameters.ml_dsa_87;
            default -> throw new IllegalArgumentException(spec + " is not an ML-DSA key spec");
        };
    }

    private static ASN1ObjectIdentifier oid(KeySpec spec) {
        return switch (spec) {
            case ML_DSA_44 -> NISTObjectIdentifiers.id_ml_dsa_44;
            case ML_DSA_65 -> NISTObjectIdentifiers.id_ml_dsa_65;
            default -> NISTObjectIdentifiers.id_ml_dsa_87;
        };
    }

    static MlDsaKey parse(KeySpec spec, PrivateKeyInfo info) throws IOException {
        Der.require(oid(spec).equals(info.getPrivateKeyAlgorithm().getAlgorithm()), "ML-DSA level");
        MLDSAPrivateKeyParameters key = (MLDSAPrivateKeyParameters) PrivateKeyFactory.createKey(info);
        Der.require(key.getParameters().equals(parameters(spec)), "ML-DSA parameters");
        MLDSAPublicKeyParameters publicKey = key.getPublicKeyParameters();
        Der.require(publicKey != null, "public key");
        return new MlDsaKey(spec, key, publicKey);
    }

    static DataKeyPair generate(KeySpec spec) {
        MLDSAKeyPairGenerator generator = new MLDSAKeyPairGenerator();
        generator.init(new MLDSAKeyGenerationParameters(Randomness.RANDOM, parameters(spec)));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        MLDSAPrivateKeyParameters seedOnly = ((MLDSAPrivateKeyParameters) pair.getPrivate())
                .withPreferredFormat(MLDSAPrivateKeyParameters.SEED_ONLY);
        return new DataKeyPair(PrivateMaterial.adopt(spec, Der.pkcs8(seedOnly)), Der.spki(pair.getPublic()));
    }

    @Override
    byte[] signChecked(SigningAlgorithm algorithm, byte[] message, MessageType type) {
        MLDSASigner signer = new MLDSASigner();
        signer.init(true, new ParametersWithRandom(privateKey, Randomness.RANDOM));
        try {
            if (type == MessageType.EXTERNAL_MU) {
                return signer.generateMuSignature(message);
            }
            signer.update(message, 0, message.length);
            return signer.generateSignature();
        } catch (CryptoException e) {
            throw new IllegalStateException("ML-DSA signing failed", e);
        }
    }

    @Override
    boolean verifyChecked(SigningAlgorithm algorithm, byte[] message, MessageType type, byte[] signature) {
        MLDSASigner verifier = new MLDSASigner();
        verifier.init(false, publicKey);
        if (type == MessageType.EXTERNAL_MU) {
            return verifier.verifyMuSignature(message, signature);
        }
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }
}
