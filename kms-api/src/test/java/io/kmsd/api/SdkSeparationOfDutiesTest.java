package io.kmsd.api;

import static io.kmsd.api.SdkAssertions.fails;
import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.kmsd.policy.template.KeyType;
import io.kmsd.policy.template.PolicyTemplate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.MalformedPolicyDocumentException;

/**
 * {@code kms.policy.enforceSeparationOfDuties: true} (key-policy-semantics D3, D4 SOD-001 as a write rule):
 * PutKeyPolicy and CreateKey refuse a policy giving one principal (other than an account) both administrative
 * and usage actions, naming the statements; a console-style policy separating the two is accepted.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SdkSeparationOfDutiesTest {
    static final DropwizardAppExtension<KmsConfiguration> APP = TestServer.app(
            ConfigOverride.config("kms.policy.enforceSeparationOfDuties", "true"));
    static final String A = TestIdentities.ACCOUNT_A;
    static final String KUSER = "arn:aws:iam::111122223333:user/kuser";
    static final String MIXED = SdkPolicyTest.policy(
            SdkPolicyTest.statement("Operators", KUSER, "[\"kms:Encrypt\",\"kms:Decrypt\"]", ""),
            SdkPolicyTest.statement("OperatorsToo", KUSER, "[\"kms:DisableKey\"]", ""));
    static final String MESSAGE = "SeparationOfDuties: keyPolicy#Operators, keyPolicy#OperatorsToo give "
            + KUSER + " both administrative actions (kms:DisableKey ...) and usage actions (kms:Decrypt ...); this "
            + "server enforces separation of duties (kms.policy.enforceSeparationOfDuties).";
    static KmsClient alice;

    @BeforeAll
    static void clients() {
        alice = TestServer.client(APP, TestServer.alice());
    }

    @AfterAll
    static void close() {
        alice.close();
    }

    @Test
    void putKeyPolicyRefusesAPrincipalHoldingBothKindsOfAction() {
        KeyMetadata key = alice.createKey(r -> { }).keyMetadata();
        String before = alice.getKeyPolicy(r -> r.keyId(key.keyId())).policy();
        fails(MalformedPolicyDocumentException.class, MESSAGE,
                () -> alice.putKeyPolicy(r -> r.keyId(key.keyId()).policy(MIXED)));
        assertThat(alice.getKeyPolicy(r -> r.keyId(key.keyId())).policy()).isEqualTo(before);
    }

    @Test
    void createKeyRefusesItToo() {
        int keys = alice.listKeys(r -> r.limit(1000)).keys().size();
        fails(MalformedPolicyDocumentException.class, MESSAGE, () -> alice.createKey(r -> r.policy(MIXED)));
        assertThat(alice.listKeys(r -> r.limit(1000)).keys()).hasSize(keys);
    }

    @Test
    void separatedAdministratorsAndUsersAreAccepted() {
        String console = PolicyTemplate.render(A, List.of("arn:aws:iam::111122223333:user/kadmin"), List.of(KUSER),
                KeyType.SYMMETRIC);
        KeyMetadata key = alice.createKey(r -> r.policy(console)).keyMetadata();
        alice.putKeyPolicy(r -> r.keyId(key.keyId()).policy(SdkPolicyTest.policy()));
        assertThat(alice.getKeyPolicy(r -> r.keyId(key.keyId())).policy()).isEqualTo(SdkPolicyTest.policy());
    }
}
