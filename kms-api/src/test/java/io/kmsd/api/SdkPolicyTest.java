package io.kmsd.api;

import static io.kmsd.api.SdkAssertions.fails;
import static io.kmsd.api.SdkAssertions.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.kmsd.policy.template.KeyType;
import io.kmsd.policy.template.PolicyTemplate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.MalformedPolicyDocumentException;

/**
 * The policy engine in the whole server, driven by the real AWS SDK v2 (kms-api §6 items 15, 16, 41, 52, 53):
 * key administrators and key users of a console-style policy, an external account with and without its own
 * side, encryption-context conditions, the lockout safety check, IAM-only and alias operations, and the
 * AccessDenied messages naming principal, action and resource.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SdkPolicyTest {
    static final DropwizardAppExtension<KmsConfiguration> APP = TestServer.app();
    static final SdkBytes HELLO = SdkBytes.fromUtf8String("hello");
    static final String A = TestIdentities.ACCOUNT_A;
    static final String KADMIN = "arn:aws:iam::111122223333:user/kadmin";
    static final String KUSER = "arn:aws:iam::111122223333:user/kuser";
    static KmsClient alice;
    static KmsClient kadmin;
    static KmsClient kuser;
    static KmsClient carol;
    static KmsClient bob;
    static KmsClient creator;
    static KeyMetadata consoleKey;
    static KeyMetadata sharedKey;

    @BeforeAll
    static void keys() {
        alice = TestServer.client(APP, TestServer.alice());
        kadmin = TestServer.client(APP, TestServer.user("kadmin"));
        kuser = TestServer.client(APP, TestServer.user("kuser"));
        carol = TestServer.client(APP, TestServer.user("carol"));
        bob = TestServer.client(APP, TestServer.bob());
        creator = TestServer.client(APP, TestServer.user("creator"));
        consoleKey = alice.createKey(r -> r.policy(consolePolicy())).keyMetadata();
        sharedKey = alice.createKey(r -> r.policy(policy(statement("Partner", "444455556666", "\"kms:*\"", ""))))
                .keyMetadata();
    }

    @AfterAll
    static void close() {
        List.of(alice, kadmin, kuser, carol, bob, creator).forEach(KmsClient::close);
    }

    static String consolePolicy() {
        return PolicyTemplate.render(A, List.of(KADMIN), List.of(KUSER), KeyType.SYMMETRIC);
    }

    /** A key policy: the D1 root statement, then {@code statements}. */
    static String policy(String... statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Root\",\"Effect\":\"Allow\",\"Principal\":"
                + "{\"AWS\":\"arn:aws:iam::111122223333:root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}"
                + (statements.length == 0 ? "" : "," + String.join(",", statements)) + "]}";
    }

    static String statement(String sid, String principal, String actions, String condition) {
        return "{\"Sid\":\"" + sid + "\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + principal + "\"},"
                + "\"Action\":" + actions + ",\"Resource\":\"*\"" + (condition.isEmpty() ? "" : ",\"Condition\":"
                + condition) + "}";
    }

    static void denied(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        failsWith("AccessDeniedException", null, call);
    }

    static String denied(String who, String action, String resource, String because) {
        return "User: " + who + " is not authorized to perform: " + action + " on resource: " + resource + because;
    }

    @Test
    void aKeyAdministratorManagesButCannotUseTheKey() { // kms-api §6.52, key-policy-semantics D2
        String key = consoleKey.keyId();
        kadmin.describeKey(r -> r.keyId(key));
        kadmin.disableKey(r -> r.keyId(key));
        kadmin.enableKey(r -> r.keyId(key));
        kadmin.tagResource(r -> r.keyId(key).tags(t -> t.tagKey("owner").tagValue("payments")));
        kadmin.updateKeyDescription(r -> r.keyId(key).description("managed by kadmin"));
        assertThat(kadmin.getKeyPolicy(r -> r.keyId(key)).policy()).isEqualTo(consolePolicy());
        // the console policy delegates to the account (D1 statement), so the missing side is the identity's
        failsWith("AccessDeniedException", denied(KADMIN, "kms:Encrypt", consoleKey.arn(),
                " because no identity-based policy allows the kms:Encrypt action"),
                () -> kadmin.encrypt(r -> r.keyId(key).plaintext(HELLO)));
        denied(() -> kadmin.generateDataKey(r -> r.keyId(key).numberOfBytes(32)));
    }

    @Test
    void aKeyUserUsesButCannotManageTheKey() { // kms-api §6.52
        String key = consoleKey.keyId();
        SdkBytes blob = kuser.encrypt(r -> r.keyId(key).plaintext(HELLO)).ciphertextBlob();
        assertThat(kuser.decrypt(r -> r.ciphertextBlob(blob)).plaintext()).isEqualTo(HELLO);
        assertThat(kuser.generateDataKey(r -> r.keyId(key).numberOfBytes(16)).plaintext().asByteArray()).hasSize(16);
        kuser.reEncrypt(r -> r.ciphertextBlob(blob).destinationKeyId(key));
        kuser.describeKey(r -> r.keyId(key));
        failsWith("AccessDeniedException", denied(KUSER, "kms:ScheduleKeyDeletion", consoleKey.arn(),
                " because no identity-based policy allows the kms:ScheduleKeyDeletion action"),
                () -> kuser.scheduleKeyDeletion(r -> r.keyId(key)));
        denied(() -> kuser.putKeyPolicy(r -> r.keyId(key).policy(consolePolicy())));
        denied(() -> kuser.disableKey(r -> r.keyId(key)));
    }

    @Test
    void aDryRunWithoutPermissionIsAccessDenied() { // kms-api §6.41
        denied(() -> kadmin.encrypt(r -> r.keyId(consoleKey.keyId()).plaintext(HELLO)
                .dryRun(true)));
        failsWith("DryRunOperationException", null, () -> kuser.encrypt(r -> r.keyId(consoleKey.keyId())
                .plaintext(HELLO).dryRun(true)));
    }

    @Test
    void anExternalAccountUsesASharedKeyWhenBothSidesAllow() { // kms-api §6.53, key-policy-semantics E8
        SdkBytes blob = carol.encrypt(r -> r.keyId(sharedKey.arn()).plaintext(HELLO)).ciphertextBlob();
        assertThat(carol.decrypt(r -> r.ciphertextBlob(blob)).plaintext()).isEqualTo(HELLO);
        assertThat(carol.decrypt(r -> r.ciphertextBlob(blob).keyId(sharedKey.arn())).keyId())
                .isEqualTo(sharedKey.arn());
        failsWith("AccessDeniedException", denied("arn:aws:iam::444455556666:user/bob", "kms:Encrypt",
                sharedKey.arn(), " because no identity-based policy allows the kms:Encrypt action"),
                () -> bob.encrypt(r -> r.keyId(sharedKey.arn()).plaintext(HELLO)));
        denied(() -> carol.encrypt(r -> r.keyId(consoleKey.arn()).plaintext(HELLO)));
    }

    @Test
    void anExternalAccountNeverAdministersTheKeyWhateverThePolicySays() { // key-policy-semantics E2
        String arn = sharedKey.arn();
        failsWith("AccessDeniedException", denied("arn:aws:iam::444455556666:user/carol", "kms:ScheduleKeyDeletion",
                arn, " because kms:ScheduleKeyDeletion cannot be performed on a key in another account"),
                () -> carol.scheduleKeyDeletion(r -> r.keyId(arn)));
        denied(() -> carol.putKeyPolicy(r -> r.keyId(arn).policy(policy())));
        denied(() -> carol.disableKey(r -> r.keyId(arn)));
        assertThat(alice.describeKey(r -> r.keyId(arn)).keyMetadata().enabled()).isTrue();
    }

    @Test
    void withoutTheAccountDelegationTheMissingSideIsTheKeyPolicy() { // kms-api §1.3 messages
        KeyMetadata key = alice.createKey(r -> r.bypassPolicyLockoutSafetyCheck(true).policy(PolicyTemplate.render(A,
                List.of(KADMIN), List.of(KUSER), KeyType.SYMMETRIC, new PolicyTemplate.Options(false, true, false,
                        false)))).keyMetadata();
        failsWith("AccessDeniedException", denied(KADMIN, "kms:Encrypt", key.arn(),
                " because no resource-based policy allows the kms:Encrypt action"),
                () -> kadmin.encrypt(r -> r.keyId(key.keyId()).plaintext(HELLO)));
        failsWith("AccessDeniedException", denied("arn:aws:iam::111122223333:user/payments/alice", "kms:Encrypt",
                key.arn(), " because no resource-based policy allows the kms:Encrypt action"),
                () -> alice.encrypt(r -> r.keyId(key.keyId()).plaintext(HELLO)));
    }

    @Test
    void anEncryptionContextConditionAdmitsOnlyMatchingContexts() { // key-policy-semantics K2, C3
        String condition = "{\"StringEquals\":{\"kms:EncryptionContext:purpose\":\"payroll\"}}";
        KeyMetadata key = alice.createKey(r -> r.policy(policy(statement("Payroll", KUSER,
                "[\"kms:Encrypt\",\"kms:Decrypt\"]", condition)))).keyMetadata();
        Map<String, String> payroll = Map.of("purpose", "payroll");
        SdkBytes blob = kuser.encrypt(r -> r.keyId(key.keyId()).plaintext(HELLO).encryptionContext(payroll))
                .ciphertextBlob();
        assertThat(kuser.decrypt(r -> r.ciphertextBlob(blob).encryptionContext(payroll)).plaintext()).isEqualTo(HELLO);
        denied(() -> kuser.encrypt(r -> r.keyId(key.keyId()).plaintext(HELLO)
                .encryptionContext(Map.of("purpose", "marketing"))));
        denied(() -> kuser.encrypt(r -> r.keyId(key.keyId()).plaintext(HELLO)));
        denied(() -> kuser.encrypt(r -> r.keyId(key.keyId()).plaintext(HELLO)
                .encryptionContext(Map.of("Purpose", "Payroll"))));
    }

    @Test
    void aPolicyThatLocksTheCallerOutIsRefusedUnlessBypassed() { // kms-api §6.16, key-policy-semantics L2, L3
        KeyMetadata key = alice.createKey(r -> r.policy(consolePolicy())).keyMetadata();
        fails(MalformedPolicyDocumentException.class, "LockoutSafetyCheck: The new key policy will not allow you to "
                + "update the key policy in the future.", () -> kadmin.putKeyPolicy(r -> r.keyId(key.keyId())
                .policy(policy())));
        assertThat(alice.getKeyPolicy(r -> r.keyId(key.keyId())).policy()).isEqualTo(consolePolicy());
        kadmin.putKeyPolicy(r -> r.keyId(key.keyId()).policy(policy()).bypassPolicyLockoutSafetyCheck(true));
        assertThat(alice.getKeyPolicy(r -> r.keyId(key.keyId())).policy()).isEqualTo(policy());
        denied(() -> kadmin.putKeyPolicy(r -> r.keyId(key.keyId())
                .policy(consolePolicy())));
    }

    @Test
    void aMalformedPolicyIsRefusedAndNothingIsApplied() { // key-policy-semantics G15
        KeyMetadata key = alice.createKey(r -> { }).keyMetadata();
        String before = alice.getKeyPolicy(r -> r.keyId(key.keyId())).policy();
        MalformedPolicyDocumentException e = fails(MalformedPolicyDocumentException.class,
                () -> alice.putKeyPolicy(r -> r.keyId(key.keyId()).policy(policy(statement("Ghost",
                        "arn:aws:iam::111122223333:user/ghost", "\"kms:*\"", "")))));
        assertThat(e.awsErrorDetails().errorMessage()).startsWith("PrincipalNotFound: statement [1] (Sid \"Ghost\")");
        fails(MalformedPolicyDocumentException.class, () -> alice.putKeyPolicy(r -> r.keyId(key.keyId())
                .policy("{\"Version\":\"2008-10-17\",\"Statement\":[]}")));
        assertThat(alice.getKeyPolicy(r -> r.keyId(key.keyId())).policy()).isEqualTo(before);
    }

    @Test
    void createKeyChecksItsPolicyAndItsTags() { // kms-api §2 defaults, key-policy-semantics E18, L1
        KeyMetadata plain = creator.createKey(r -> { }).keyMetadata();
        assertThat(creator.describeKey(r -> r.keyId(plain.keyId())).keyMetadata().arn()).isEqualTo(plain.arn());
        failsWith("AccessDeniedException", denied("arn:aws:iam::111122223333:user/creator", "kms:TagResource", "*",
                " because no identity-based policy allows the kms:TagResource action"),
                () -> creator.createKey(r -> r.tags(t -> t.tagKey("team").tagValue("x"))));
        int keys = alice.listKeys(r -> r.limit(1000)).keys().size();
        fails(MalformedPolicyDocumentException.class, () -> creator.createKey(r -> r.policy(
                "{\"Version\":\"2012-10-17\",\"Statement\":[" + statement("OnlyKuser", KUSER, "\"kms:*\"", "")
                        + "]}")));
        fails(MalformedPolicyDocumentException.class, () -> creator.createKey(r -> r.policy("not json")));
        assertThat(alice.listKeys(r -> r.limit(1000)).keys()).hasSize(keys);
        KeyMetadata bypassed = creator.createKey(r -> r.bypassPolicyLockoutSafetyCheck(true).policy(
                "{\"Version\":\"2012-10-17\",\"Statement\":[" + statement("OnlyKuser", KUSER, "\"kms:*\"", "")
                        + "]}")).keyMetadata();
        denied(() -> creator.describeKey(r -> r.keyId(bypassed.keyId())));
        kuser.describeKey(r -> r.keyId(bypassed.keyId()));
    }

    @Test
    void keylessOperationsNeedAnIdentityPolicy() { // key-policy-semantics E18
        alice.listKeys(r -> { });
        alice.generateRandom(r -> r.numberOfBytes(8));
        failsWith("AccessDeniedException", denied(KUSER, "kms:ListKeys", "*",
                " because no identity-based policy allows the kms:ListKeys action"), () -> kuser.listKeys(r -> { }));
        denied(() -> kuser.generateRandom(r -> r.numberOfBytes(8)));
        denied(() -> kuser.listAliases(r -> { }));
    }

    @Test
    void aliasOperationsNeedTheAliasArnInAnIdentityPolicy() { // kms-api §2 defaults, key-policy-semantics E1
        failsWith("AccessDeniedException", denied(KADMIN, "kms:CreateAlias",
                "arn:aws:kms:us-east-1:111122223333:alias/kadmin-alias",
                " because no identity-based policy allows the kms:CreateAlias action"),
                () -> kadmin.createAlias(r -> r.aliasName("alias/kadmin-alias").targetKeyId(consoleKey.keyId())));
        alice.createAlias(r -> r.aliasName("alias/console").targetKeyId(consoleKey.keyId()));
        assertThat(kuser.encrypt(r -> r.keyId("alias/console").plaintext(HELLO)).keyId()).isEqualTo(consoleKey.arn());
    }

    @Test
    void anyPolicySeparatingNothingIsAcceptedWhenSeparationIsNotEnforced() { // kms.policy default
        KeyMetadata key = alice.createKey(r -> { }).keyMetadata();
        alice.putKeyPolicy(r -> r.keyId(key.keyId()).policy(policy(statement("Everything", KUSER, "\"kms:*\"", ""))));
        kuser.disableKey(r -> r.keyId(key.keyId()));
    }
}
