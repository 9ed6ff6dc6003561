package io.kmsd.core.crypto.asymmetric;

import io.kmsd.core.error.KmsError;
import io.kmsd.core.error.KmsException;
import io.kmsd.core.key.KeySpec;
import java.util.EnumSet;
import java.util.Set;

/**
 * A freshly generated key pair: PKCS#8 DER private material and its DER SubjectPublicKeyInfo (kms-api §4.5
 * GenerateDataKeyPair; also the wrapping key pairs of §4.10). Prints no key bytes.
 */
public final class DataKeyPair {
    /** kms-api §3.2: DataKeyPairSpec = the RSA, ECC (incl. P256K1, Ed25519) and SM2 specs. */
    private static final Set<KeySpec> PAIR_SPECS = EnumSet.of(KeySpec.RSA_2048, KeySpec.RSA_3072,
            KeySpec.RSA_4096, KeySpec.ECC_NIST_P256, KeySpec.ECC_NIST_P384, KeySpec.ECC_NIST_P521,
            KeySpec.ECC_SECG_P256K1, KeySpec.ECC_NIST_EDWARDS25519, KeySpec.SM2);

    private final PrivateMaterial privateKey;
    private final byte[] publicKey;

    DataKeyPair(PrivateMaterial privateKey, byte[] publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** Whether GenerateDataKeyPair takes this spec as its KeyPairSpec. */
    public static boolean isPairSpec(KeySpec spec) {
        return PAIR_SPECS.contains(spec);
    }

    /** A fresh pair; a spec that is no DataKeyPairSpec → {@code UnsupportedOperationException} (kms-api §4.5). */
    public static DataKeyPair generate(KeySpec spec) {
        if (!isPairSpec(spec)) {
            throw new KmsException(KmsError.UnsupportedOperation, "KeyPairSpec " + spec + " is not supported.");
        }
        return MaterialGenerator.generatePair(spec);
    }

    public KeySpec spec() {
        return privateKey.spec();
    }

    /** The PKCS#8 DER private key; the GenerateDataKeyPair ciphertext decrypts to exactly these bytes. */
    public PrivateMaterial privateKey() {
        return privateKey;
    }

    /** DER SubjectPublicKeyInfo (a copy). */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public String toString() {
        return "DataKeyPair[" + privateKey.spec() + "]";
    }
}
