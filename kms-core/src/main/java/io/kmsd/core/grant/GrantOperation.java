package io.kmsd.core.grant;

import io.kmsd.core.key.KeySpec;
import io.kmsd.core.key.KeyUsage;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The operations a grant can allow (kms-api §4.0 GrantOperation, key-policy-semantics E12), in the spec's
 * order. Each has a fixed {@code bit}: grant tokens store operations as a bit set, so a bit never changes.
 */
public enum GrantOperation {
    Decrypt(0),
    Encrypt(1),
    GenerateDataKey(2),
    GenerateDataKeyWithoutPlaintext(3),
    ReEncryptFrom(4),
    ReEncryptTo(5),
    Sign(6),
    Verify(7),
    GetPublicKey(8),
    CreateGrant(9),
    RetireGrant(10),
    DescribeKey(11),
    GenerateDataKeyPair(12),
    GenerateDataKeyPairWithoutPlaintext(13),
    GenerateMac(14),
    VerifyMac(15),
    DeriveSharedSecret(16);

    private static final Set<GrantOperation> ANY_KEY = EnumSet.of(DescribeKey, CreateGrant, RetireGrant);
    private static final Set<GrantOperation> SYMMETRIC = EnumSet.of(Encrypt, Decrypt, ReEncryptFrom, ReEncryptTo,
            GenerateDataKey, GenerateDataKeyWithoutPlaintext, GenerateDataKeyPair,
            GenerateDataKeyPairWithoutPlaintext);
    private static final Set<GrantOperation> ASYMMETRIC_ENCRYPTION = EnumSet.of(Encrypt, Decrypt, ReEncryptFrom,
            ReEncryptTo, GetPublicKey);
    private static final Set<GrantOperation> SIGNING = EnumSet.of(Sign, Verify, GetPublicKey);
    private static final Set<GrantOperation> MAC = EnumSet.of(GenerateMac, VerifyMac);
    private static final Set<GrantOperation> KEY_AGREEMENT = EnumSet.of(DeriveSharedSecret, GetPublicKey);
    private static final String VALUE_SET = Arrays.stream(values()).map(Enum::name)
            .collect(Collectors.joining(", ", "[", "]"));

    private final int bit;

    GrantOperation(int bit) {
        this.bit = bit;
    }

    /** The position of this operation in a token's operation bit set; fixed forever. */
    public int bit() {
        return bit;
    }

    /** The IAM action this operation stands for, {@code kms:<Operation>}. */
    public String action() {
        return "kms:" + name();
    }

    /**
     * kms-api §4.9 CreateGrant bullet 1: the operations a grant on a key of this spec and usage may name.
     * Every key allows DescribeKey, CreateGrant and RetireGrant.
     */
    public static Set<GrantOperation> supportedBy(KeySpec spec, KeyUsage usage) {
        EnumSet<GrantOperation> out = EnumSet.copyOf(ANY_KEY);
        out.addAll(switch (usage) {
            case ENCRYPT_DECRYPT -> spec == KeySpec.SYMMETRIC_DEFAULT ? SYMMETRIC : ASYMMETRIC_ENCRYPTION;
            case SIGN_VERIFY -> SIGNING;
            case GENERATE_VERIFY_MAC -> MAC;
            case KEY_AGREEMENT -> KEY_AGREEMENT;
        });
        return Collections.unmodifiableSet(out);
    }

    /** Parses one member of {@code Operations}; an unknown name → ValidationException (kms-api §1.3). */
    public static GrantOperation parse(String text, int position) {
        for (GrantOperation op : values()) {
            if (op.name().equals(text)) {
                return op;
            }
        }
        throw GrantErrors.constraint(String.valueOf(text), "operations." + position + ".member",
                "Member must satisfy enum value set: " + VALUE_SET);
    }
}
