package io.kmsd.api.wire;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The model's shared member shapes (botocore KMS model 2014-11-01; kms-api §4.0, §5): enum value sets in the
 * model's order, patterns as the model writes them, and the checks of the shapes many operations share.
 */
public final class Shapes {
    public static final List<String> KEY_USAGE =
            List.of("SIGN_VERIFY", "ENCRYPT_DECRYPT", "GENERATE_VERIFY_MAC", "KEY_AGREEMENT");
    public static final List<String> CUSTOMER_MASTER_KEY_SPEC = List.of("RSA_2048", "RSA_3072", "RSA_4096",
            "ECC_NIST_P256", "ECC_NIST_P384", "ECC_NIST_P521", "ECC_SECG_P256K1", "SYMMETRIC_DEFAULT", "HMAC_224",
            "HMAC_256", "HMAC_384", "HMAC_512", "SM2");
    public static final List<String> KEY_SPEC = List.of("RSA_2048", "RSA_3072", "RSA_4096", "ECC_NIST_P256",
            "ECC_NIST_P384", "ECC_NIST_P521", "ECC_SECG_P256K1", "SYMMETRIC_DEFAULT", "HMAC_224", "HMAC_256",
            "HMAC_384", "HMAC_512", "SM2", "ML_DSA_44", "ML_DSA_65", "ML_DSA_87", "ECC_NIST_EDWARDS25519");
    public static final List<String> ORIGIN = List.of("AWS_KMS", "EXTERNAL", "AWS_CLOUDHSM", "EXTERNAL_KEY_STORE");
    public static final List<String> ENCRYPTION_ALGORITHM =
            List.of("SYMMETRIC_DEFAULT", "RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256", "SM2PKE");
    public static final List<String> DATA_KEY_SPEC = List.of("AES_256", "AES_128");
    public static final List<String> DRY_RUN_MODIFIER = List.of("IGNORE_CIPHERTEXT");
    public static final List<String> KEY_ENCRYPTION_MECHANISM = List.of("RSAES_OAEP_SHA_256");
    public static final List<String> SIGNING_ALGORITHM = List.of("RSASSA_PSS_SHA_256", "RSASSA_PSS_SHA_384",
            "RSASSA_PSS_SHA_512", "RSASSA_PKCS1_V1_5_SHA_256", "RSASSA_PKCS1_V1_5_SHA_384",
            "RSASSA_PKCS1_V1_5_SHA_512", "ECDSA_SHA_256", "ECDSA_SHA_384", "ECDSA_SHA_512", "SM2DSA",
            "ML_DSA_SHAKE_256", "ED25519_SHA_512", "ED25519_PH_SHA_512");
    public static final List<String> MESSAGE_TYPE = List.of("RAW", "DIGEST", "EXTERNAL_MU");
    public static final List<String> MAC_ALGORITHM =
            List.of("HMAC_SHA_224", "HMAC_SHA_256", "HMAC_SHA_384", "HMAC_SHA_512");
    public static final List<String> KEY_AGREEMENT_ALGORITHM = List.of("ECDH");
    public static final List<String> DATA_KEY_PAIR_SPEC = List.of("RSA_2048", "RSA_3072", "RSA_4096",
            "ECC_NIST_P256", "ECC_NIST_P384", "ECC_NIST_P521", "ECC_SECG_P256K1", "SM2", "ECC_NIST_EDWARDS25519");

    public static final Pattern ALIAS_NAME = Pattern.compile("^[a-zA-Z0-9:/_-]+$");
    public static final Pattern POLICY = Pattern.compile("[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+");
    public static final Pattern POLICY_NAME = Pattern.compile("[\\w]+");
    public static final Pattern MARKER = Pattern.compile("[\\u0020-\\u00FF]*");
    public static final Pattern XKS_KEY_ID = Pattern.compile("^[a-zA-Z0-9-_.]+$");

    public static final int MAX_PLAINTEXT = 4096;
    public static final int MAX_CIPHERTEXT = 6144;
    public static final int MAX_NUMBER_OF_BYTES = 1024;
    /** PublicKeyType (kms-api §5). */
    public static final int MAX_PUBLIC_KEY = 8192;

    private Shapes() {
    }

    /** KeyIdType: string 1–2048. */
    public static void keyId(Violations v, String path, String value, boolean required) {
        if (required) {
            v.required(path, value);
        }
        v.length(path, value, 1, 2048);
    }

    /** GrantTokenList: 0–10 tokens of 1–8192 characters. */
    public static void grantTokens(Violations v, List<String> tokens) {
        if (tokens == null) {
            return;
        }
        v.size("grantTokens", tokens, 0, 10);
        for (int i = 0; i < tokens.size(); i++) {
            String path = "grantTokens." + (i + 1) + ".member";
            v.required(path, tokens.get(i)).length(path, tokens.get(i), 1, 8192);
        }
    }

    /** LimitType, with the operation's own maximum (kms-api §5). */
    public static void limit(Violations v, Integer limit, int max) {
        v.range("limit", limit, 1, max);
    }

    /** MarkerType: 1–1024 of U+0020–U+00FF. */
    public static void marker(Violations v, String marker) {
        v.length("marker", marker, 1, 1024).pattern("marker", marker, MARKER);
    }

    /** AliasNameType: 1–256 of {@code [a-zA-Z0-9:/_-]}. */
    public static void aliasName(Violations v, String value) {
        v.required("aliasName", value).length("aliasName", value, 1, 256).pattern("aliasName", value, ALIAS_NAME);
    }

    /** PolicyType: 1–131072 of TAB/LF/CR/U+0020–U+00FF. */
    public static void policy(Violations v, String value, boolean required) {
        if (required) {
            v.required("policy", value);
        }
        v.length("policy", value, 1, 131072).pattern("policy", value, POLICY);
    }

    /** PolicyNameType: 1–128 word characters. */
    public static void policyName(Violations v, String value) {
        v.length("policyName", value, 1, 128).pattern("policyName", value, POLICY_NAME);
    }

    /** TagList: each tag's key 1–128 and value 0–256, paths {@code tags.N.member.tagKey}. */
    public static void tags(Violations v, List<WireTag> tags, boolean required) {
        if (required) {
            v.required("tags", tags);
        }
        if (tags == null) {
            return;
        }
        for (int i = 0; i < tags.size(); i++) {
            String path = "tags." + (i + 1) + ".member";
            if (tags.get(i) == null) {
                v.required(path, null);
            } else {
                tags.get(i).validate(v, path);
            }
        }
    }

    /** EncryptionAlgorithmSpec. */
    public static void encryptionAlgorithm(Violations v, String path, String value) {
        v.oneOf(path, value, ENCRYPTION_ALGORITHM);
    }

    /** DryRunModifierList. */
    public static void dryRunModifiers(Violations v, List<String> modifiers) {
        if (modifiers == null) {
            return;
        }
        for (int i = 0; i < modifiers.size(); i++) {
            v.oneOf("dryRunModifiers." + (i + 1) + ".member", modifiers.get(i), DRY_RUN_MODIFIER);
        }
    }

    /** A Sign/Verify/GenerateMac/VerifyMac {@code Message}: PlaintextType, 1–4096, sensitive (kms-api §5). */
    public static void message(Violations v, Blob message) {
        v.required("message", message).length("message", message, 1, MAX_PLAINTEXT, true);
    }

    /** A Signature or Mac: CiphertextType, 1–6144. */
    public static void ciphertextType(Violations v, String path, Blob value) {
        v.required(path, value).length(path, value, 1, MAX_CIPHERTEXT, false);
    }

    /** A required enum member. */
    public static void requiredOneOf(Violations v, String path, String value, List<String> allowed) {
        v.required(path, value).oneOf(path, value, allowed);
    }
}
