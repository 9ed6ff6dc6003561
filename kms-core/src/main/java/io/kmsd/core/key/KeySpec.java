package io.kmsd.core.key;

import static io.kmsd.core.key.KeyUsage.ENCRYPT_DECRYPT;
import static io.kmsd.core.key.KeyUsage.GENERATE_VERIFY_MAC;
import static io.kmsd.core.key.KeyUsage.KEY_AGREEMENT;
import static io.kmsd.core.key.KeyUsage.SIGN_VERIFY;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Key specs and the usages and algorithms each allows (kms-api §3.2, the table, in the same order). */
public enum KeySpec {
    SYMMETRIC_DEFAULT(KeyClass.SYMMETRIC, Map.of(ENCRYPT_DECRYPT, List.of("SYMMETRIC_DEFAULT"))),
    RSA_2048(KeyClass.ASYMMETRIC, Algorithms.RSA),
    RSA_3072(KeyClass.ASYMMETRIC, Algorithms.RSA),
    RSA_4096(KeyClass.ASYMMETRIC, Algorithms.RSA),
    ECC_NIST_P256(KeyClass.ASYMMETRIC, Algorithms.nistCurve("ECDSA_SHA_256")),
    ECC_NIST_P384(KeyClass.ASYMMETRIC, Algorithms.nistCurve("ECDSA_SHA_384")),
    ECC_NIST_P521(KeyClass.ASYMMETRIC, Algorithms.nistCurve("ECDSA_SHA_512")),
    ECC_SECG_P256K1(KeyClass.ASYMMETRIC, Map.of(SIGN_VERIFY, List.of("ECDSA_SHA_256"))),
    ECC_NIST_EDWARDS25519(KeyClass.ASYMMETRIC,
            Map.of(SIGN_VERIFY, List.of("ED25519_SHA_512", "ED25519_PH_SHA_512"))),
    ML_DSA_44(KeyClass.ASYMMETRIC, Algorithms.ML_DSA),
    ML_DSA_65(KeyClass.ASYMMETRIC, Algorithms.ML_DSA),
    ML_DSA_87(KeyClass.ASYMMETRIC, Algorithms.ML_DSA),
    SM2(KeyClass.ASYMMETRIC, Map.of(ENCRYPT_DECRYPT, List.of("SM2PKE"), SIGN_VERIFY, List.of("SM2DSA"),
            KEY_AGREEMENT, List.of("ECDH"))),
    HMAC_224(KeyClass.HMAC, Map.of(GENERATE_VERIFY_MAC, List.of("HMAC_SHA_224"))),
    HMAC_256(KeyClass.HMAC, Map.of(GENERATE_VERIFY_MAC, List.of("HMAC_SHA_256"))),
    HMAC_384(KeyClass.HMAC, Map.of(GENERATE_VERIFY_MAC, List.of("HMAC_SHA_384"))),
    HMAC_512(KeyClass.HMAC, Map.of(GENERATE_VERIFY_MAC, List.of("HMAC_SHA_512")));

    /** The classes UpdateAlias must keep (kms-api §4.2): symmetric, asymmetric or HMAC. */
    public enum KeyClass { SYMMETRIC, ASYMMETRIC, HMAC }

    private final KeyClass keyClass;
    private final Map<KeyUsage, List<String>> algorithms;

    KeySpec(KeyClass keyClass, Map<KeyUsage, List<String>> algorithms) {
        this.keyClass = keyClass;
        this.algorithms = new EnumMap<>(algorithms);
    }

    public KeyClass keyClass() {
        return keyClass;
    }

    public boolean supports(KeyUsage usage) {
        return algorithms.containsKey(usage);
    }

    /** The algorithms of this spec for that usage, in the spec's order; empty if the usage is not supported. */
    public List<String> algorithmsFor(KeyUsage usage) {
        return algorithms.getOrDefault(usage, List.of());
    }

    public boolean supports(KeyUsage usage, String algorithm) {
        return algorithmsFor(usage).contains(algorithm);
    }

    /** Only the symmetric spec has a default usage; every other one needs an explicit KeyUsage (kms-api §3.2). */
    public boolean requiresExplicitUsage() {
        return this != SYMMETRIC_DEFAULT;
    }

    /** kms-api §3.1: CustomerMasterKeySpec's enum lacks the ML-DSA and Edwards specs. */
    public boolean hasCustomerMasterKeySpec() {
        return this != ECC_NIST_EDWARDS25519 && this != ML_DSA_44 && this != ML_DSA_65 && this != ML_DSA_87;
    }

    /** Algorithm lists shared by several specs. */
    private static final class Algorithms {
        static final Map<KeyUsage, List<String>> RSA = Map.of(
                ENCRYPT_DECRYPT, List.of("RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256"),
                SIGN_VERIFY, List.of("RSASSA_PSS_SHA_256", "RSASSA_PSS_SHA_384", "RSASSA_PSS_SHA_512",
                        "RSASSA_PKCS1_V1_5_SHA_256", "RSASSA_PKCS1_V1_5_SHA_384", "RSASSA_PKCS1_V1_5_SHA_512"));
        static final Map<KeyUsage, List<String>> ML_DSA = Map.of(SIGN_VERIFY, List.of("ML_DSA_SHAKE_256"));

        static Map<KeyUsage, List<String>> nistCurve(String signing) {
            return Map.of(SIGN_VERIFY, List.of(signing), KEY_AGREEMENT, List.of("ECDH"));
        }
    }
}
