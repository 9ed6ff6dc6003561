package io.kmsd.policy.template;

import static io.kmsd.policy.Fixtures.keyPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmsd.policy.Fixtures;
import io.kmsd.policy.actions.ActionClass;
import io.kmsd.policy.actions.KmsActions;
import io.kmsd.policy.document.PolicyDocument;
import io.kmsd.policy.document.PolicyParser;
import io.kmsd.policy.eval.Decision;
import io.kmsd.policy.principal.Principal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** key-policy-semantics D1–D4. */
class TemplatesTest {
    static final String KEY_ADMIN = "arn:aws:iam::111122223333:role/KeyAdminRole";

    @Test
    void d1DefaultPolicyIsTheExactAwsText() {
        assertThat(DefaultKeyPolicy.text("111122223333")).isEqualTo("{\"Version\":\"2012-10-17\",\"Id\":\"key-default-1\","
                + "\"Statement\":[{\"Sid\":\"Enable IAM User Permissions\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::111122223333:root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}");
        assertThatThrownBy(() -> DefaultKeyPolicy.text("12345")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void d1DefaultPolicyAloneGrantsIamUsersNothingAndRootEverything() {
        PolicyDocument d = PolicyParser.parseKeyPolicy(DefaultKeyPolicy.text(Fixtures.ACCOUNT), null);
        assertThat(Fixtures.decide(Fixtures.request(Fixtures.alice(), "kms:Encrypt", d)).allowed()).isFalse();
        assertThat(Fixtures.decide(Fixtures.request(Fixtures.root(Fixtures.ACCOUNT), "kms:PutKeyPolicy", d)).allowed())
                .isTrue();
    }

    @Test
    void d2ConsoleTemplateForASymmetricKey() {
        PolicyDocument d = PolicyParser.parseKeyPolicy(PolicyTemplate.render(Fixtures.ACCOUNT, List.of(KEY_ADMIN),
                List.of(Fixtures.ALICE, "arn:aws:iam::444455556666:root"), KeyType.SYMMETRIC), null);
        assertThat(d.refs()).containsExactly("keyPolicy#Enable IAM User Permissions",
                "keyPolicy#Allow access for Key Administrators", "keyPolicy#Allow use of the key",
                "keyPolicy#Allow attachment of persistent resources");
        Principal admin = Principal.session("arn:aws:sts::111122223333:assumed-role/KeyAdminRole/x", KEY_ADMIN,
                Fixtures.ACCOUNT);
        assertThat(Fixtures.decide(Fixtures.request(admin, "kms:Decrypt", d)).allowed()).as("D2: admins cannot decrypt")
                .isFalse();
        assertThat(Fixtures.decide(Fixtures.request(admin, "kms:RotateKeyOnDemand", d)).allowed()).isTrue();
        Decision use = Fixtures.decide(Fixtures.request(Fixtures.alice(), "kms:GenerateDataKeyWithoutPlaintext", d));
        assertThat(use.deciding()).containsExactly("keyPolicy#Allow use of the key");
        Decision grantDirect = Fixtures.decide(Fixtures.request(Fixtures.alice(), "kms:CreateGrant", d));
        assertThat(grantDirect.allowed()).as("grants only for AWS resources").isFalse();
    }

    @Test
    void d2UsageActionsDependOnTheKeyTypeAndGrantsStatementOnlyForEncryptionKeys() {
        for (KeyType t : KeyType.values()) {
            PolicyDocument d = PolicyParser.parseKeyPolicy(PolicyTemplate.render(Fixtures.ACCOUNT, List.of(),
                    List.of(Fixtures.ALICE), t), null);
            boolean grants = t == KeyType.SYMMETRIC || t == KeyType.ASYMMETRIC_ENCRYPT;
            assertThat(d.statements()).as(t.name()).hasSize(grants ? 3 : 2);
        }
        assertThat(PolicyTemplate.usageActions(KeyType.HMAC)).containsExactly("kms:DescribeKey", "kms:GenerateMac",
                "kms:VerifyMac");
        assertThat(PolicyTemplate.usageActions(KeyType.SIGN_VERIFY)).contains("kms:Sign").doesNotContain("kms:Encrypt");
        assertThat(KeyType.of("KEY_AGREEMENT", "ECC_NIST_P256")).isEqualTo(KeyType.KEY_AGREEMENT);
        assertThat(KeyType.of("ENCRYPT_DECRYPT", "RSA_2048")).isEqualTo(KeyType.ASYMMETRIC_ENCRYPT);
    }

    @Test
    void d2OptionsAdjustTheAdminActions() {
        var o = new PolicyTemplate.Options(false, false, true, true);
        assertThat(PolicyTemplate.adminActions(o)).doesNotContain("kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion")
                .contains("kms:ImportKeyMaterial", "kms:ReplicateKey", "kms:UpdatePrimaryRegion");
        PolicyDocument d = PolicyParser.parseKeyPolicy(PolicyTemplate.render(Fixtures.ACCOUNT, List.of(KEY_ADMIN),
                List.of(), KeyType.SYMMETRIC, o), null);
        assertThat(d.refs()).containsExactly("keyPolicy#Allow access for Key Administrators");
    }

    @Test
    void d3ClassesCoverEveryCatalogActionAndDelegationDependsOnTheCondition() {
        assertThat(KmsActions.operations()).allSatisfy(op -> assertThat(KmsActions.classify(op, false)).isNotNull());
        assertThat(KmsActions.classify("CreateGrant", false)).isEqualTo(ActionClass.ADMIN_PERMISSIONS);
        assertThat(KmsActions.classify("CreateGrant", true)).isEqualTo(ActionClass.USE_DELEGATE);
        assertThat(KmsActions.classify("ListGrants", false)).isEqualTo(ActionClass.ADMIN_READ);
        assertThat(KmsActions.classify("Decrypt", true)).isEqualTo(ActionClass.USE_CRYPTO);
        assertThat(ActionClass.ADMIN_LIFECYCLE.isAdministrative()).isTrue();
        assertThat(ActionClass.USE_READ.isUsage()).isFalse();
        assertThatThrownBy(() -> KmsActions.classify("Nope", false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void d4TheConsoleTemplateSeparatesDuties() {
        PolicyDocument d = PolicyParser.parseKeyPolicy(PolicyTemplate.render(Fixtures.ACCOUNT, List.of(KEY_ADMIN),
                List.of(Fixtures.ALICE), KeyType.SYMMETRIC), null);
        assertThat(SeparationOfDuties.violations(d)).isEmpty();
    }

    @Test
    void d4APrincipalWithAdminAndUsageActionsIsAViolation() {
        PolicyDocument d = keyPolicy("{'Version':'2012-10-17','Statement':[{'Sid':'Root','Effect':'Allow','Principal':"
                + "{'AWS':'111122223333'},'Action':'kms:*','Resource':'*'},{'Sid':'Admin','Effect':'Allow','Principal':"
                + "{'AWS':'arn:aws:iam::111122223333:user/alice'},'Action':'kms:Put*','Resource':'*'},{'Sid':'Use',"
                + "'Effect':'Allow','Principal':{'AWS':['arn:aws:iam::111122223333:user/alice',"
                + "'arn:aws:iam::111122223333:user/bob']},'Action':'kms:Decrypt','Resource':'*'}]}");
        assertThat(SeparationOfDuties.violations(d)).containsExactly("keyPolicy#Admin", "keyPolicy#Use");
        assertThat(SeparationOfDuties.findings(d)).singleElement().satisfies(f -> {
            assertThat(f.principal()).isEqualTo(Fixtures.ALICE);
            assertThat(f.administrative()).containsExactly("PutKeyPolicy");
            assertThat(f.usage()).containsExactly("Decrypt");
        });
    }

    @Test
    void d4NotActionAndWildcardsAreExpanded() {
        PolicyDocument d = keyPolicy("{'Version':'2012-10-17','Statement':[{'Sid':'AllButDelete','Effect':'Allow',"
                + "'Principal':'*','NotAction':'kms:ScheduleKeyDeletion','Resource':'*'}]}");
        assertThat(SeparationOfDuties.violations(d)).containsExactly("keyPolicy#AllButDelete");
    }

    @Test
    void d4GrantsForAwsResourcesAndServiceRestrictedStatementsDoNotCount() {
        PolicyDocument d = keyPolicy("{'Version':'2012-10-17','Statement':[{'Sid':'Use','Effect':'Allow','Principal':"
                + "{'AWS':'arn:aws:iam::111122223333:user/alice'},'Action':'kms:Decrypt','Resource':'*'},{'Sid':'Attach',"
                + "'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::111122223333:user/alice'},'Action':["
                + "'kms:CreateGrant','kms:RevokeGrant'],'Resource':'*','Condition':{'Bool':"
                + "{'kms:GrantIsForAWSResource':'true'}}},{'Sid':'ViaRds','Effect':'Allow','Principal':{'AWS':"
                + "'arn:aws:iam::111122223333:user/alice'},'Action':'kms:DisableKey','Resource':'*','Condition':"
                + "{'StringEquals':{'kms:ViaService':'rds.us-east-1.amazonaws.com'}}}]}");
        assertThat(SeparationOfDuties.violations(d)).isEmpty();
    }
}
