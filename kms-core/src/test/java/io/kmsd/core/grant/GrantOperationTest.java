package io.kmsd.core.grant;

import static io.kmsd.core.grant.GrantOperation.CreateGrant;
import static io.kmsd.core.grant.GrantOperation.Decrypt;
import static io.kmsd.core.grant.GrantOperation.DeriveSharedSecret;
import static io.kmsd.core.grant.GrantOperation.DescribeKey;
import static io.kmsd.core.grant.GrantOperation.Encrypt;
import static io.kmsd.core.grant.GrantOperation.GenerateDataKey;
import static io.kmsd.core.grant.GrantOperation.GenerateDataKeyPair;
import static io.kmsd.core.grant.GrantOperation.GenerateDataKeyPairWithoutPlaintext;
import static io.kmsd.core.grant.GrantOperation.GenerateDataKeyWithoutPlaintext;
import static io.kmsd.core.grant.GrantOperation.GenerateMac;
import static io.kmsd.core.grant.GrantOperation.GetPublicKey;
import static io.kmsd.core.grant.GrantOperation.ReEncryptFrom;
import static io.kmsd.core.grant.GrantOperation.ReEncryptTo;
import static io.kmsd.core.grant.GrantOperation.RetireGrant;
import static io.kmsd.core.grant.GrantOperation.Sign;
import static io.kmsd.core.grant.GrantOperation.Verify;
import static io.kmsd.core.grant.GrantOperation.VerifyMac;
import static io.kmsd.core.testing.KmsAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmsd.core.error.KmsError;
import io.kmsd.core.key.KeySpec;
import io.kmsd.core.key.KeyUsage;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The grant operations of kms-api §4.0 and which key types allow which (§4.9 CreateGrant bullet 1). */
class GrantOperationTest {

    @Test
    void theOperationsAreExactlyThoseOfTheSpecInItsOrder() { // kms-api §4.0 GrantOperation
        assertThat(Arrays.stream(GrantOperation.values()).map(Enum::name)).containsExactly("Decrypt", "Encrypt",
                "GenerateDataKey", "GenerateDataKeyWithoutPlaintext", "ReEncryptFrom", "ReEncryptTo", "Sign",
                "Verify", "GetPublicKey", "CreateGrant", "RetireGrant", "DescribeKey", "GenerateDataKeyPair",
                "GenerateDataKeyPairWithoutPlaintext", "GenerateMac", "VerifyMac", "DeriveSharedSecret");
    }

    @Test
    void tokenBitsArePinnedAndDistinct() { // tokens already issued must keep decoding to the same operations
        for (GrantOperation op : GrantOperation.values()) {
            assertThat(op.bit()).as(op.name()).isEqualTo(op.ordinal());
        }
    }

    @Test
    void symmetricKeysAllowTheEncryptionAndDataKeyOperations() {
        assertThat(GrantOperation.supportedBy(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT))
                .containsExactlyInAnyOrder(Encrypt, Decrypt, ReEncryptFrom, ReEncryptTo, GenerateDataKey,
                        GenerateDataKeyWithoutPlaintext, GenerateDataKeyPair, GenerateDataKeyPairWithoutPlaintext,
                        DescribeKey, CreateGrant, RetireGrant);
    }

    @Test
    void asymmetricEncryptionKeysAllowEncryptionAndThePublicKey() {
        Set<GrantOperation> expected = Set.of(Encrypt, Decrypt, ReEncryptFrom, ReEncryptTo, GetPublicKey,
                DescribeKey, CreateGrant, RetireGrant);
        assertThat(GrantOperation.supportedBy(KeySpec.RSA_2048, KeyUsage.ENCRYPT_DECRYPT)).isEqualTo(expected);
        assertThat(GrantOperation.supportedBy(KeySpec.SM2, KeyUsage.ENCRYPT_DECRYPT)).isEqualTo(expected);
    }

    @Test
    void signingMacAndAgreementKeysAllowTheirOwnOperations() {
        assertThat(GrantOperation.supportedBy(KeySpec.ECC_NIST_P256, KeyUsage.SIGN_VERIFY))
                .isEqualTo(Set.of(Sign, Verify, GetPublicKey, DescribeKey, CreateGrant, RetireGrant));
        assertThat(GrantOperation.supportedBy(KeySpec.HMAC_256, KeyUsage.GENERATE_VERIFY_MAC))
                .isEqualTo(Set.of(GenerateMac, VerifyMac, DescribeKey, CreateGrant, RetireGrant));
        assertThat(GrantOperation.supportedBy(KeySpec.ECC_NIST_P384, KeyUsage.KEY_AGREEMENT))
                .isEqualTo(Set.of(DeriveSharedSecret, GetPublicKey, DescribeKey, CreateGrant, RetireGrant));
    }

    @Test
    void unknownOperationIsAValidationErrorWithTheValueSet() {
        assertFails(() -> GrantOperation.parse("ScheduleKeyDeletion", 2), KmsError.Validation,
                "1 validation error detected: Value 'ScheduleKeyDeletion' at 'operations.2.member' failed to "
                        + "satisfy constraint: Member must satisfy enum value set: [Decrypt, Encrypt, "
                        + "GenerateDataKey, GenerateDataKeyWithoutPlaintext, ReEncryptFrom, ReEncryptTo, Sign, "
                        + "Verify, GetPublicKey, CreateGrant, RetireGrant, DescribeKey, GenerateDataKeyPair, "
                        + "GenerateDataKeyPairWithoutPlaintext, GenerateMac, VerifyMac, DeriveSharedSecret]");
        assertFails(() -> GrantOperation.parse("decrypt", 1), KmsError.Validation,
                "1 validation error detected: Value 'decrypt' at 'operations.1.member' failed to satisfy "
                        + "constraint: Member must satisfy enum value set: "
                        + Arrays.toString(GrantOperation.values()));
        assertThat(GrantOperation.parse("Decrypt", 1)).isEqualTo(Decrypt);
        assertThat(Decrypt.action()).isEqualTo("kms:Decrypt");
    }
}
