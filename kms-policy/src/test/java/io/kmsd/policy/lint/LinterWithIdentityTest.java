package io.kmsd.policy.lint;

import static io.kmsd.policy.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmsd.policy.document.NamedPolicy;
import io.kmsd.policy.document.PolicyParser;
import io.kmsd.policy.template.DefaultKeyPolicy;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** D4 with --with-identity: identity policies count when the key policy delegates to their account (E7b). */
class LinterWithIdentityTest {
    static final String ALICE = "arn:aws:iam::111122223333:user/alice";
    static final String KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    static final String ROOT = LinterTest.ROOT;
    static final String USE = "{'Sid':'Use','Effect':'Allow','Principal':{'AWS':'" + ALICE + "'},"
            + "'Action':['kms:Decrypt','kms:DescribeKey'],'Resource':'*'}";
    static final String ADMIN_POLICY = "{'Sid':'Admin','Effect':'Allow','Action':'kms:Disable*','Resource':'*'}";

    private static LintReport lint(List<LintIdentity> ids, String... statements) {
        return Linter.lint("p.json", keyPolicy(statements), LintOptions.keyPolicy(), ids);
    }

    private static String keyPolicy(String... statements) {
        return json("{'Version':'2012-10-17','Statement':[" + String.join(",", statements) + "]}");
    }

    private static LintIdentity alice(String... statements) {
        return identity(ALICE, statements);
    }

    private static LintIdentity identity(String arn, String... statements) {
        String name = arn.substring(arn.lastIndexOf('/') + 1) + "-1";
        return new LintIdentity(arn, List.of(new NamedPolicy(name, PolicyParser.parseIdentityPolicy(
                json("{'Version':'2012-10-17','Statement':[" + String.join(",", statements) + "]}")))));
    }

    private static List<Finding> sod001(LintReport r) {
        return r.findings().stream().filter(f -> f.rule() == LintRule.SOD_001).toList();
    }

    @Test
    void d4AdminFromTheIdentityPolicyAndUsageFromTheKeyPolicyIsSod001() {
        LintReport r = lint(List.of(alice(ADMIN_POLICY)), ROOT, USE);
        assertThat(sod001(r)).as(r.renderText()).singleElement().satisfies(f -> {
            assertThat(f.ref()).isEqualTo("keyPolicy#Root");
            assertThat(f.pointer()).isEqualTo("/Statement/0");
            assertThat(f.message()).isEqualTo(ALICE + " holds administrative actions (DisableKey, DisableKeyRotation)"
                    + " and usage actions (Decrypt) through keyPolicy#Root, keyPolicy#Use, identity:alice-1#Admin"
                    + " (the key policy with its identity policies, E7)");
        });
        assertThat(r.exitCode()).isEqualTo(1);
    }

    @Test
    void d4UsageFromTheIdentityPolicyAndAdminFromTheKeyPolicyIsSod001() {
        String admin = "{'Sid':'Admin','Effect':'Allow','Principal':{'AWS':'" + ALICE + "'},'Action':'kms:PutKeyPolicy',"
                + "'Resource':'*'}";
        LintReport r = lint(List.of(alice("{'Effect':'Allow','Action':'kms:Encrypt','Resource':'" + KEY + "'}")),
                ROOT, admin);
        assertThat(sod001(r)).singleElement().satisfies(f -> assertThat(f.message()).contains("(PutKeyPolicy)",
                "(Encrypt)", "through keyPolicy#Root, keyPolicy#Admin, identity:alice-1#[0]"));
    }

    @Test
    void e7bNothingWhenTheAccountIsNotDelegated() {
        String otherRoot = "{'Sid':'Other','Effect':'Allow','Principal':{'AWS':'444455556666'},'Action':'kms:*',"
                + "'Resource':'*'}";
        assertThat(sod001(lint(List.of(alice(ADMIN_POLICY)), otherRoot, USE))).isEmpty();
        assertThat(sod001(lint(List.of(alice(ADMIN_POLICY)), USE))).isEmpty();
    }

    @Test
    void e7bNothingWhenTheDelegationDoesNotCoverTheIdentityPoliciesActions() {
        String useOnly = "{'Sid':'Delegate','Effect':'Allow','Principal':{'AWS':'arn:aws:iam::111122223333:root'},"
                + "'Action':['kms:Decrypt','kms:Encrypt','kms:PutKeyPolicy'],'Resource':'*'}";
        assertThat(sod001(lint(List.of(alice(ADMIN_POLICY)), useOnly, USE))).isEmpty();
    }

    @Test
    void e6AnIdentityDenyRemovesTheAction() {
        String deny = "{'Sid':'NoDisable','Effect':'Deny','Action':'kms:Disable*','Resource':'*'}";
        assertThat(sod001(lint(List.of(alice(ADMIN_POLICY, deny)), ROOT, USE))).isEmpty();
        String denyUse = "{'Sid':'NoDecrypt','Effect':'Deny','Action':'kms:Decrypt','Resource':'*'}";
        assertThat(sod001(lint(List.of(alice(ADMIN_POLICY, denyUse)), ROOT, USE))).isEmpty();
    }

    @Test
    void e6AConditionedOrOtherResourceDenyDoesNotSurelyRemoveIt() {
        String conditioned = "{'Effect':'Deny','Action':'kms:Disable*','Resource':'*','Condition':{'Bool':"
                + "{'aws:MultiFactorAuthPresent':'false'}}}";
        assertThat(sod001(lint(List.of(alice(ADMIN_POLICY, conditioned)), ROOT, USE))).hasSize(1);
    }

    @Test
    void d4KmsStarInTheIdentityPolicyIsExpanded() {
        LintReport r = lint(List.of(alice("{'Sid':'All','Effect':'Allow','Action':'kms:*','Resource':'*'}")), ROOT);
        assertThat(sod001(r)).singleElement().satisfies(f -> assertThat(f.message()).startsWith(ALICE
                + " holds administrative actions (CancelKeyDeletion, CreateAlias, CreateGrant, DeleteAlias and ")
                .contains("usage actions (Decrypt, DeriveSharedSecret, Encrypt, GenerateDataKey and ")
                .contains("through keyPolicy#Root, identity:alice-1#All"));
    }

    @Test
    void d4NotActionInTheIdentityPolicyIsExpanded() {
        String allButUse = "{'Sid':'AllBut','Effect':'Allow','NotAction':['kms:Encrypt','kms:Decrypt','kms:ReEncrypt*',"
                + "'kms:GenerateDataKey*','kms:GenerateMac','kms:VerifyMac','kms:Sign','kms:Verify',"
                + "'kms:DeriveSharedSecret'],'Resource':'*'}";
        assertThat(sod001(lint(List.of(alice(allButUse)), ROOT))).isEmpty();
        String allButDecrypt = "{'Sid':'AllBut','Effect':'Allow','NotAction':'kms:Decrypt','Resource':'*'}";
        assertThat(sod001(lint(List.of(alice(allButDecrypt)), ROOT))).singleElement()
                .satisfies(f -> assertThat(f.message()).doesNotContain("Decrypt,").contains("Encrypt"));
    }

    @Test
    void g10AnIdentityAllowOnAnotherKeyDoesNotCount() {
        String otherKey = "{'Sid':'Admin','Effect':'Allow','Action':'kms:Disable*','Resource':"
                + "'arn:aws:kms:us-east-1:111122223333:key/other'}";
        LintOptions options = new LintOptions(null, KEY, null);
        LintReport r = Linter.lint("p.json", keyPolicy(ROOT, USE), options, List.of(alice(otherKey)));
        assertThat(sod001(r)).isEmpty();
    }

    @Test
    void d3GrantsForAwsResourcesAndServiceRestrictedStatementsDoNotCount() {
        String grantsForAws = "{'Effect':'Allow','Action':'kms:CreateGrant','Resource':'*','Condition':{'Bool':"
                + "{'kms:GrantIsForAWSResource':'true'}}}";
        String viaRds = "{'Effect':'Allow','Action':'kms:DisableKey','Resource':'*','Condition':{'StringEquals':"
                + "{'kms:ViaService':'rds.us-east-1.amazonaws.com'}}}";
        assertThat(sod001(lint(List.of(alice(grantsForAws, viaRds)), ROOT, USE))).isEmpty();
    }

    @Test
    void d4OnlyOneFindingWhenTheKeyPolicyAloneAlreadyGivesBoth() {
        String both = "{'Sid':'Both','Effect':'Allow','Principal':{'AWS':'" + ALICE + "'},'Action':['kms:Decrypt',"
                + "'kms:DisableKey'],'Resource':'*'}";
        LintReport r = lint(List.of(alice(ADMIN_POLICY)), ROOT, both);
        assertThat(sod001(r)).singleElement().satisfies(f -> assertThat(f.message()).endsWith("through keyPolicy#Both"));
    }

    @Test
    void d4RolesAreMatchedByTheirArnAndOtherPrincipalsAreLeftAlone() {
        String role = "arn:aws:iam::111122223333:role/Ops";
        LintReport r = Linter.lint("d1", DefaultKeyPolicy.text("111122223333"), LintOptions.keyPolicy(),
                List.of(identity(role, "{'Effect':'Allow','Action':['kms:Decrypt','kms:ScheduleKeyDeletion'],"
                        + "'Resource':'*'}"), alice("{'Effect':'Allow','Action':'kms:Decrypt','Resource':'*'}")));
        assertThat(sod001(r)).singleElement().satisfies(f -> assertThat(f.message()).startsWith(role + " holds"));
    }

    @Test
    void e2FromAnotherAccountOnlyCrossAccountOperationsCount() {
        String bob = "arn:aws:iam::444455556666:user/bob";
        String delegate = "{'Sid':'Other','Effect':'Allow','Principal':{'AWS':'444455556666'},'Action':'kms:*',"
                + "'Resource':'*'}";
        LintOptions options = new LintOptions(null, KEY, null);
        String disableAndDecrypt = "{'Sid':'All','Effect':'Allow','Action':['kms:DisableKey','kms:Decrypt'],"
                + "'Resource':'*'}";
        assertThat(sod001(Linter.lint("p.json", keyPolicy(ROOT, delegate), options,
                List.of(identity(bob, disableAndDecrypt))))).isEmpty();
        String grantAndDecrypt = "{'Sid':'All','Effect':'Allow','Action':['kms:CreateGrant','kms:Decrypt'],"
                + "'Resource':'*'}";
        assertThat(sod001(Linter.lint("p.json", keyPolicy(ROOT, delegate), options,
                List.of(identity(bob, grantAndDecrypt))))).singleElement().satisfies(f -> assertThat(f.message())
                .isEqualTo(bob + " holds administrative actions (CreateGrant) and usage actions (Decrypt) through"
                        + " keyPolicy#Other, identity:bob-1#All (the key policy with its identity policies, E8)"));
    }

    @Test
    void withoutIdentitiesTheReportIsUnchanged() {
        String text = keyPolicy(ROOT, USE);
        assertThat(Linter.lint("p.json", text, LintOptions.keyPolicy(), List.of()).renderText())
                .isEqualTo(Linter.lint("p.json", text, LintOptions.keyPolicy()).renderText());
    }

    @Test
    void anIdentityIsAUserOrARole() {
        for (String arn : Arrays.asList("arn:aws:iam::111122223333:root", "111122223333", "*", null,
                "arn:aws:sts::111122223333:assumed-role/Ops/s")) {
            assertThatThrownBy(() -> new LintIdentity(arn, List.of())).as(arn)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
