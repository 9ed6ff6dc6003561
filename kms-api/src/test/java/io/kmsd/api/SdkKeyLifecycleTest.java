package io.kmsd.api;

import static io.kmsd.api.SdkAssertions.fails;
import static io.kmsd.api.SdkAssertions.failsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DisabledException;
import software.amazon.awssdk.services.kms.model.InvalidMarkerException;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.KmsInvalidStateException;
import software.amazon.awssdk.services.kms.model.ListKeysResponse;
import software.amazon.awssdk.services.kms.model.NotFoundException;
import software.amazon.awssdk.services.kms.model.UnsupportedOperationException;

/** Key lifecycle and key policies through the real AWS SDK v2 (kms-api §4.1, §4.8, §6 items 10–23). */
@ExtendWith(DropwizardExtensionsSupport.class)
class SdkKeyLifecycleTest {
    static final DropwizardAppExtension<KmsConfiguration> APP = TestServer.app();
    static KmsClient kms;

    static KmsClient kms() {
        if (kms == null) {
            kms = TestServer.client(APP, TestServer.alice());
        }
        return kms;
    }

    @AfterAll
    static void close() {
        kms().close();
    }

    static KeyMetadata newKey() {
        return kms().createKey(r -> { }).keyMetadata();
    }

    @Test
    void createKeyWithNothingGivesTheSymmetricDefaults() { // kms-api §6.10
        KeyMetadata m = newKey();
        assertThat(m.keySpec()).isEqualTo(KeySpec.SYMMETRIC_DEFAULT);
        assertThat(m.keyUsage()).isEqualTo(KeyUsageType.ENCRYPT_DECRYPT);
        assertThat(m.originAsString()).isEqualTo("AWS_KMS");
        assertThat(m.keyState()).isEqualTo(KeyState.ENABLED);
        assertThat(m.enabled()).isTrue();
        assertThat(m.keyManagerAsString()).isEqualTo("CUSTOMER");
        assertThat(m.multiRegion()).isFalse();
        assertThat(m.description()).isEmpty();
        assertThat(m.encryptionAlgorithmsAsStrings()).containsExactly("SYMMETRIC_DEFAULT");
        assertThat(m.signingAlgorithms()).isEmpty();
        assertThat(m.macAlgorithms()).isEmpty();
        assertThat(m.currentKeyMaterialId()).matches("[0-9a-f]{64}");
        assertThat(m.awsAccountId()).isEqualTo(TestIdentities.ACCOUNT_A);
        assertThat(m.arn()).isEqualTo("arn:aws:kms:us-east-1:111122223333:key/" + m.keyId());
        assertThat(m.creationDate()).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
        assertThat(m.deletionDate()).isNull();
    }

    @Test
    void hmacWithoutKeyUsageIsRefused() { // kms-api §6.11
        failsWith("ValidationException", "You must specify a KeyUsage value for all KMS keys except for symmetric "
                + "encryption keys.", () -> kms().createKey(r -> r.keySpec(KeySpec.HMAC_256)));
    }

    @Test
    void usageTheSpecDoesNotAllowIsRefused() { // kms-api §6.12
        failsWith("ValidationException", "KeyUsage KEY_AGREEMENT is not compatible with KeySpec RSA_2048",
                () -> kms().createKey(r -> r.keySpec(KeySpec.RSA_2048).keyUsage(KeyUsageType.KEY_AGREEMENT)));
    }

    @Test
    void asymmetricSpecsAreNotSupportedYet() {
        fails(UnsupportedOperationException.class, "KeySpec RSA_2048 is not supported yet",
                () -> kms().createKey(r -> r.keySpec(KeySpec.RSA_2048).keyUsage(KeyUsageType.SIGN_VERIFY)));
    }

    @Test
    void unknownEnumValueIsAModelViolation() {
        failsWith("ValidationException", "1 validation error detected: Value 'NOPE' at 'keyUsage' failed to satisfy "
                + "constraint: Member must satisfy enum value set: [SIGN_VERIFY, ENCRYPT_DECRYPT, "
                + "GENERATE_VERIFY_MAC, KEY_AGREEMENT]", () -> kms().createKey(r -> r.keyUsage("NOPE")));
    }

    @Test
    void describeKeyFindsTheKeyByIdArnAliasAndAliasArn() {
        KeyMetadata m = kms().createKey(r -> r.description("find me")).keyMetadata();
        kms().createAlias(r -> r.aliasName("alias/find-me").targetKeyId(m.keyId()));
        for (String ref : new String[] {m.keyId(), m.arn(), "alias/find-me",
                "arn:aws:kms:us-east-1:111122223333:alias/find-me"}) {
            assertThat(kms().describeKey(r -> r.keyId(ref)).keyMetadata().arn()).as(ref).isEqualTo(m.arn());
        }
    }

    @Test
    void describeKeyOfUnknownReferencesSaysWhy() { // kms-api §6.17
        fails(NotFoundException.class, "Invalid keyId 'fake-key-id'", () -> kms().describeKey(r -> r.keyId("fake-key-id")));
        String id = UUID.randomUUID().toString();
        fails(NotFoundException.class, "Key 'arn:aws:kms:us-east-1:111122223333:key/" + id + "' does not exist",
                () -> kms().describeKey(r -> r.keyId(id)));
        fails(NotFoundException.class, "Invalid arn eu-west-1",
                () -> kms().describeKey(r -> r.keyId("arn:aws:kms:eu-west-1:111122223333:key/" + id)));
        fails(NotFoundException.class, "Alias arn:aws:kms:us-east-1:111122223333:alias/nobody is not found.",
                () -> kms().describeKey(r -> r.keyId("alias/nobody")));
    }

    @Test
    void missingKeyIdIsNamedInTheGrammar() {
        failsWith("ValidationException", "1 validation error detected: Value null at 'keyId' failed to satisfy "
                + "constraint: Member must not be null", () -> kms().describeKey(r -> { }));
    }

    @Test
    void listKeysPagesWithAMarker() { // kms-api §6.60
        newKey();
        newKey();
        ListKeysResponse first = kms().listKeys(r -> r.limit(1));
        assertThat(first.keys()).hasSize(1);
        assertThat(first.truncated()).isTrue();
        ListKeysResponse rest = kms().listKeys(r -> r.marker(first.nextMarker()).limit(1000));
        assertThat(rest.keys()).doesNotContain(first.keys().get(0));
        assertThat(rest.truncated()).isFalse();
        assertThat(rest.nextMarker()).isNull();
        fails(InvalidMarkerException.class, () -> kms().listKeys(r -> r.marker("bogus")));
    }

    @Test
    void enableAndDisableAreIdempotent() { // kms-api §6.18
        KeyMetadata m = newKey();
        kms().disableKey(r -> r.keyId(m.keyId()));
        kms().disableKey(r -> r.keyId(m.keyId()));
        KeyMetadata disabled = kms().describeKey(r -> r.keyId(m.keyId())).keyMetadata();
        assertThat(disabled.keyState()).isEqualTo(KeyState.DISABLED);
        assertThat(disabled.enabled()).isFalse();
        fails(DisabledException.class, m.arn() + " is disabled.",
                () -> kms().encrypt(r -> r.keyId(m.keyId()).plaintext(SdkBytes.fromUtf8String("x"))));
        kms().enableKey(r -> r.keyId(m.arn()));
        kms().enableKey(r -> r.keyId(m.arn()));
        assertThat(kms().describeKey(r -> r.keyId(m.keyId())).keyMetadata().enabled()).isTrue();
    }

    @Test
    void lifecycleOperationsTakeNoAlias() {
        KeyMetadata m = newKey();
        kms().createAlias(r -> r.aliasName("alias/no-lifecycle").targetKeyId(m.keyId()));
        fails(NotFoundException.class, "Invalid keyId 'alias/no-lifecycle'",
                () -> kms().disableKey(r -> r.keyId("alias/no-lifecycle")));
    }

    @Test
    void updateKeyDescriptionAcceptsEmpty() {
        KeyMetadata m = kms().createKey(r -> r.description("before")).keyMetadata();
        kms().updateKeyDescription(r -> r.keyId(m.keyId()).description("after"));
        assertThat(kms().describeKey(r -> r.keyId(m.keyId())).keyMetadata().description()).isEqualTo("after");
        kms().updateKeyDescription(r -> r.keyId(m.keyId()).description(""));
        assertThat(kms().describeKey(r -> r.keyId(m.keyId())).keyMetadata().description()).isEmpty();
    }

    @Test
    void anEnabledKeyMustBeDisabledBeforeDeletionIsScheduled() { // kms-api §4.1, this project's rule
        KeyMetadata m = newKey();
        fails(KmsInvalidStateException.class, m.arn() + " is enabled. Disable the key (DisableKey) before "
                + "scheduling its deletion.", () -> kms().scheduleKeyDeletion(r -> r.keyId(m.keyId())));
    }

    @Test
    void scheduleDeletionDefaultsToThirtyDaysAndBlocksUse() { // kms-api §6.19-22
        KeyMetadata m = newKey();
        kms().disableKey(r -> r.keyId(m.keyId()));
        var scheduled = kms().scheduleKeyDeletion(r -> r.keyId(m.keyId()));
        assertThat(scheduled.keyId()).isEqualTo(m.arn());
        assertThat(scheduled.keyState()).isEqualTo(KeyState.PENDING_DELETION);
        assertThat(scheduled.pendingWindowInDays()).isEqualTo(30);
        assertThat(scheduled.deletionDate()).isCloseTo(Instant.now().plus(Duration.ofDays(30)), within(1, ChronoUnit.MINUTES));
        fails(KmsInvalidStateException.class, () -> kms().scheduleKeyDeletion(r -> r.keyId(m.keyId())));
        fails(KmsInvalidStateException.class, m.arn() + " is pending deletion.",
                () -> kms().encrypt(r -> r.keyId(m.keyId()).plaintext(SdkBytes.fromUtf8String("x"))));
        fails(KmsInvalidStateException.class, () -> kms().tagResource(r -> r.keyId(m.keyId()).tags(t -> t.tagKey("a").tagValue("b"))));
        fails(KmsInvalidStateException.class, () -> kms().updateKeyDescription(r -> r.keyId(m.keyId()).description("x")));
        assertThat(kms().describeKey(r -> r.keyId(m.keyId())).keyMetadata().deletionDate()).isNotNull();
        assertThat(kms().getKeyPolicy(r -> r.keyId(m.keyId())).policy()).contains("key-default-1");
        assertThat(kms().cancelKeyDeletion(r -> r.keyId(m.keyId())).keyId()).isEqualTo(m.arn());
        KeyMetadata back = kms().describeKey(r -> r.keyId(m.keyId())).keyMetadata();
        assertThat(back.keyState()).isEqualTo(KeyState.DISABLED);
        assertThat(back.deletionDate()).isNull();
        fails(KmsInvalidStateException.class, m.arn() + " is not pending deletion.",
                () -> kms().cancelKeyDeletion(r -> r.keyId(m.keyId())));
    }

    @Test
    void deletionWindowOutsideSevenToThirtyDaysIsRefused() { // kms-api §6.20
        KeyMetadata m = newKey();
        kms().disableKey(r -> r.keyId(m.keyId()));
        failsWith("ValidationException", "1 validation error detected: Value '6' at 'pendingWindowInDays' failed to "
                + "satisfy constraint: Member must have value greater than or equal to 7",
                () -> kms().scheduleKeyDeletion(r -> r.keyId(m.keyId()).pendingWindowInDays(6)));
        failsWith("ValidationException", "1 validation error detected: Value '31' at 'pendingWindowInDays' failed to "
                + "satisfy constraint: Member must have value less than or equal to 30",
                () -> kms().scheduleKeyDeletion(r -> r.keyId(m.keyId()).pendingWindowInDays(31)));
        assertThat(kms().scheduleKeyDeletion(r -> r.keyId(m.keyId()).pendingWindowInDays(7)).pendingWindowInDays())
                .isEqualTo(7);
    }

    @Test
    void defaultKeyPolicyIsListedReadAndReplaced() { // kms-api §6.15
        KeyMetadata m = newKey();
        assertThat(kms().listKeyPolicies(r -> r.keyId(m.keyId())).policyNames()).containsExactly("default");
        var got = kms().getKeyPolicy(r -> r.keyId(m.keyId()).policyName("default"));
        assertThat(got.policyName()).isEqualTo("default");
        assertThat(got.policy()).isEqualTo("{\"Version\":\"2012-10-17\",\"Id\":\"key-default-1\",\"Statement\":[{\"Sid\":"
                + "\"Enable IAM User Permissions\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::"
                + "111122223333:root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}");
        String policy = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\"Sid\": \"Delegate\", "
                + "\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"111122223333\"}, \"Action\": \"kms:*\", "
                + "\"Resource\": \"*\"}]\n}";
        kms().putKeyPolicy(r -> r.keyId(m.arn()).policyName("default").policy(policy));
        assertThat(kms().getKeyPolicy(r -> r.keyId(m.keyId())).policy()).isEqualTo(policy);
    }

    @Test
    void policyOfMoreThan32768BytesIsALimit() {
        KeyMetadata m = newKey();
        String big = "{\"Version\":\"2012-10-17\",\"Statement\":[],\"Pad\":\"" + "x".repeat(33000) + "\"}";
        fails(software.amazon.awssdk.services.kms.model.LimitExceededException.class,
                () -> kms().putKeyPolicy(r -> r.keyId(m.keyId()).policyName("default").policy(big)));
    }
}
