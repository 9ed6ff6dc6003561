package io.kmsd.policy.lint;

import static io.kmsd.policy.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmsd.policy.document.PolicyKind;
import io.kmsd.policy.template.DefaultKeyPolicy;
import io.kmsd.policy.template.KeyType;
import io.kmsd.policy.template.PolicyTemplate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The linter's rules (key-policy-semantics D4 and the G/C/E/A rules it warns about), each firing and not. */
class LinterTest {
    static final String ROOT = "{'Sid':'Root','Effect':'Allow','Principal':{'AWS':'111122223333'},'Action':'kms:*',"
            + "'Resource':'*'}";

    private static LintReport lint(String... statements) {
        return Linter.lint("p.json", json("{'Version':'2012-10-17','Statement':[" + String.join(",", statements)
                + "]}"), LintOptions.keyPolicy());
    }

    private static List<String> rules(LintReport r) {
        return r.findings().stream().map(f -> f.rule().id()).toList();
    }

    private static Finding only(LintReport r, String rule) {
        List<Finding> fs = r.findings().stream().filter(f -> f.rule().id().equals(rule)).toList();
        assertThat(fs).as(r.renderText()).hasSize(1);
        return fs.get(0);
    }

    @Test
    void d1TheDefaultPolicyIsClean() {
        LintReport r = Linter.lint("d1", DefaultKeyPolicy.text("111122223333"), LintOptions.keyPolicy());
        assertThat(r.findings()).isEmpty();
        assertThat(r.renderText()).isEqualTo("d1: no findings\n");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void d4TheConsoleTemplateOnlyNotesThatAdminsCanEscalate() {
        String admin = "arn:aws:iam::111122223333:role/KeyAdmin";
        LintReport r = Linter.lint("d2", PolicyTemplate.render("111122223333", List.of(admin),
                List.of("arn:aws:iam::111122223333:user/alice"), KeyType.SYMMETRIC), LintOptions.keyPolicy());
        assertThat(rules(r)).containsExactly("SOD-004");
        assertThat(r.findings().get(0).message()).isEqualTo(admin + " may call CreateGrant and PutKeyPolicy, so it can"
                + " give itself use of the key");
        assertThat(r.exitCode()).isZero();
        assertThat(r.exitCode(Severity.INFO)).isEqualTo(1);
    }

    @Test
    void sod001AdminAndUsageOnOnePrincipalAcrossStatements() {
        LintReport r = lint(ROOT, "{'Sid':'Admin','Effect':'Allow','Principal':{'AWS':'arn:aws:iam::111122223333:user/a'},"
                + "'Action':'kms:Disable*','Resource':'*'}", "{'Sid':'Use','Effect':'Allow','Principal':{'AWS':"
                + "'arn:aws:iam::111122223333:user/a'},'Action':'kms:Decrypt','Resource':'*'}");
        Finding f = only(r, "SOD-001");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.message()).isEqualTo("arn:aws:iam::111122223333:user/a holds administrative actions (DisableKey,"
                + " DisableKeyRotation) and usage actions (Decrypt) through keyPolicy#Admin, keyPolicy#Use");
        assertThat(r.exitCode()).isEqualTo(1);
    }

    @Test
    void sod001NotForServiceRestrictedStatementsOrGrantsForAwsResources() {
        LintReport r = lint(ROOT, "{'Sid':'Use','Effect':'Allow','Principal':{'AWS':'arn:aws:iam::111122223333:user/a'},"
                + "'Action':['kms:Decrypt','kms:CreateGrant'],'Resource':'*','Condition':{'Bool':"
                + "{'kms:GrantIsForAWSResource':'true'}}}", "{'Sid':'Rds','Effect':'Allow','Principal':{'AWS':"
                + "'arn:aws:iam::111122223333:user/a'},'Action':'kms:DisableKey','Resource':'*','Condition':"
                + "{'StringEquals':{'kms:ViaService':'rds.us-east-1.amazonaws.com'}}}");
        assertThat(rules(r)).doesNotContain("SOD-001");
    }

    @Test
    void sod002KmsStarToAnythingButTheAccount() {
        assertThat(only(lint("{'Sid':'All','Effect':'Allow','Principal':{'AWS':['111122223333',"
                + "'arn:aws:iam::111122223333:role/Ops']},'Action':'*','Resource':'*'}"), "SOD-002").message())
                .isEqualTo("every KMS action (kms:*) is granted to arn:aws:iam::111122223333:role/Ops");
        assertThat(rules(lint(ROOT))).doesNotContain("SOD-002");
    }

    @Test
    void sod003AnyoneNeedsACallerCondition() {
        String open = "{'Sid':'Open','Effect':'Allow','Principal':{'AWS':'*'},'Action':'kms:Decrypt','Resource':'*'";
        assertThat(only(lint(ROOT, open + "}"), "SOD-003").pointer()).isEqualTo("/Statement/1/Principal");
        assertThat(rules(lint(ROOT, open + ",'Condition':{'StringEquals':{'kms:CallerAccount':'111122223333'}}}")))
                .doesNotContain("SOD-003");
        assertThat(rules(lint(ROOT, open + ",'Condition':{'StringEquals':{'aws:PrincipalOrgID':'o-1'}}}")))
                .doesNotContain("SOD-003");
        assertThat(rules(lint(ROOT, open + ",'Condition':{'ArnNotEquals':{'aws:PrincipalArn':"
                + "'arn:aws:iam::111122223333:user/x'}}}"))).as("a negated condition limits nothing").contains("SOD-003");
        assertThat(rules(lint(ROOT, open + ",'Condition':{'StringEquals':{'kms:ViaService':'s3.us-east-1.amazonaws.com'}}}")))
                .contains("SOD-003");
        assertThat(rules(lint(ROOT, "{'Effect':'Deny','Principal':'*','Action':'kms:*','Resource':'*'}")))
                .doesNotContain("SOD-003");
    }

    @Test
    void sod005NobodyCanChangeThePolicy() {
        Finding f = only(lint("{'Sid':'Use','Effect':'Allow','Principal':{'AWS':'arn:aws:iam::111122223333:user/a'},"
                + "'Action':'kms:Decrypt','Resource':'*'}"), "SOD-005");
        assertThat(f.message()).startsWith("no statement allows kms:PutKeyPolicy to any principal");
        assertThat(f.suggestion()).contains("arn:aws:iam::111122223333:root");
        assertThat(only(lint(ROOT, "{'Sid':'Freeze','Effect':'Deny','Principal':'*','Action':'kms:PutKeyPolicy',"
                + "'Resource':'*'}"), "SOD-005").message()).startsWith("keyPolicy#Freeze denies kms:PutKeyPolicy to everyone");
        assertThat(rules(lint(ROOT, "{'Sid':'Freeze','Effect':'Deny','Principal':'*','Action':'kms:PutKeyPolicy',"
                + "'Resource':'*','Condition':{'Bool':{'kms:BypassPolicyLockoutSafetyCheck':'true'}}}")))
                .doesNotContain("SOD-005");
    }

    @Test
    void xacct001AdministrationOfAnotherAccountNeverWorks() {
        LintReport r = lint(ROOT, "{'Sid':'Partner','Effect':'Allow','Principal':{'AWS':"
                + "'arn:aws:iam::444455556666:role/Ops'},'Action':['kms:Decrypt','kms:PutKeyPolicy','kms:CreateAlias'],"
                + "'Resource':'*'}");
        assertThat(only(r, "XACCT-001").message()).isEqualTo("account 444455556666 is granted PutKeyPolicy,"
                + " CreateAlias, which never work from another account (E2); the key belongs to 111122223333");
        assertThat(rules(lint(ROOT, "{'Sid':'Partner','Effect':'Allow','Principal':{'AWS':'444455556666'},"
                + "'Action':['kms:Decrypt','kms:CreateGrant','kms:DescribeKey'],'Resource':'*'}"))).doesNotContain("XACCT-001");
        LintReport known = Linter.lint("p", json("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':"
                + "{'AWS':'444455556666'},'Action':'kms:DisableKey','Resource':'*'}]}"), new LintOptions(PolicyKind.KEY,
                "arn:aws:kms:us-east-1:111122223333:key/k", null));
        assertThat(rules(known)).contains("XACCT-001");
    }

    @Test
    void act001MisspeltActionsWithASuggestion() {
        LintReport r = lint(ROOT, "{'Sid':'Use','Effect':'Allow','Principal':{'AWS':'arn:aws:iam::111122223333:user/a'},"
                + "'Action':['kms:Decrpyt','kms:GenerateDataKye*','kms:Encrypt'],'Resource':'*'}");
        assertThat(r.findings()).filteredOn(f -> f.rule() == LintRule.ACT_001)
                .extracting(Finding::pointer, Finding::suggestion)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/Statement/1/Action/0", "did you mean kms:Decrypt?"),
                        org.assertj.core.groups.Tuple.tuple("/Statement/1/Action/1", "did you mean kms:GenerateDataKey?"));
        assertThat(rules(r)).doesNotContain("NEVER-001");
        LintReport dead = lint(ROOT, "{'Sid':'Dead','Effect':'Allow','Principal':{'AWS':'arn:aws:iam::111122223333:user/a'},"
                + "'Action':['kms:Decrpyt','s3:GetObject'],'Resource':'*'}");
        assertThat(rules(dead)).containsExactlyInAnyOrder("NEVER-001", "ACT-001", "ACT-002");
    }

    @Test
    void key001UnknownConditionKeysWithASuggestion() {
        LintReport r = lint(ROOT, "{'Sid':'C','Effect':'Allow','Principal':{'AWS':'arn:aws:iam::111122223333:user/a'},"
                + "'Action':'kms:Decrypt','Resource':'*','Condition':{'StringEquals':{'kms:EncryptonContext:app':'x',"
                + "'aws:PrincipalTags/team':'x','kms:EncryptionContext:app':'y','aws:SourceVpce':'vpce-1'},"
                + "'StringNotEquals':{'kms:ViaServise':'s3.us-east-1.amazonaws.com'}}}");
        assertThat(r.findings()).filteredOn(f -> f.rule() == LintRule.KEY_001).extracting(Finding::suggestion)
                .containsExactly("did you mean kms:EncryptionContext:app?", "did you mean aws:PrincipalTag/team?",
                        "did you mean kms:ViaService?");
        assertThat(r.findings()).filteredOn(f -> f.rule() == LintRule.KEY_001).last().extracting(Finding::message)
                .asString().endsWith("so StringNotEquals always holds");
    }

    @Test
    void cond001To003SetOperatorsAndDeadValues() {
        LintReport r = lint(ROOT, "{'Sid':'C','Effect':'Allow','Principal':{'AWS':'arn:aws:iam::111122223333:user/a'},"
                + "'Action':'kms:Decrypt','Resource':'*','Condition':{'ForAnyValue:StringEquals':{'kms:ViaService':'x',"
                + "'kms:EncryptionContextKeys':'app'},'StringEquals':{'kms:GrantOperations':'Decrypt'},"
                + "'NumericLessThan':{'kms:ScheduleKeyDeletionPendingWindowInDays':'seven'},'IpAddress':"
                + "{'aws:SourceIp':'10.0.0.0/33'},'Bool':{'aws:SecureTransport':'yes'}}}");
        assertThat(rules(r)).containsExactly("COND-001", "COND-002", "COND-003", "COND-003", "COND-003");
    }

    @Test
    void prin001To003NotPrincipalAndForeignPrincipalTypes() {
        LintReport allow = lint(ROOT, "{'Sid':'NP','Effect':'Allow','NotPrincipal':{'AWS':'111122223333'},"
                + "'Action':'kms:Decrypt','Resource':'*'}");
        assertThat(rules(allow)).containsExactly("PRIN-001");
        assertThat(allow.findings().get(0).pointer()).isEqualTo("/Statement/1/NotPrincipal");
        assertThat(allow.exitCode()).isEqualTo(1);
        assertThat(rules(lint(ROOT, "{'Sid':'NP','Effect':'Deny','NotPrincipal':{'AWS':'111122223333'},"
                + "'Action':'kms:Decrypt','Resource':'*'}"))).containsExactly("PRIN-002");
        assertThat(rules(lint(ROOT, "{'Sid':'F','Effect':'Allow','Principal':{'Federated':'cognito-identity.amazonaws.com'},"
                + "'Action':'kms:Decrypt','Resource':'*'}"))).containsExactly("PRIN-003");
    }

    @Test
    void never001To003StatementsThatNeverApply() {
        assertThat(rules(lint(ROOT, "{'Sid':'NoAction','Effect':'Allow','Principal':'*','Resource':'*'}")))
                .containsExactly("NEVER-001");
        assertThat(rules(lint(ROOT, "{'Sid':'S3','Effect':'Deny','Principal':'*','Action':'kms:*',"
                + "'Resource':'arn:aws:s3:::bucket/*'}"))).containsExactly("NEVER-002");
        assertThat(rules(lint(ROOT, "{'Sid':'Alias','Effect':'Deny','Principal':'*','Action':'kms:*',"
                + "'Resource':'arn:aws:kms:us-east-1:111122223333:alias/x'}"))).containsExactly("NEVER-002");
        assertThat(rules(lint(ROOT, "{'Sid':'Keys','Effect':'Deny','Principal':'*','Action':'kms:Decrypt',"
                + "'Resource':'arn:aws:kms:*:111122223333:key/*'}"))).isEmpty();
        assertThat(rules(lint(ROOT, "{'Sid':'NotAll','Effect':'Deny','Principal':'*','Action':'kms:*',"
                + "'NotResource':'*'}"))).containsExactly("NEVER-002");
        assertThat(rules(lint(ROOT, "{'Sid':'Retire','Effect':'Allow','Principal':{'AWS':'111122223333'},"
                + "'Action':'kms:RetireGrant','Resource':'*'}"))).containsExactly("NEVER-003");
    }

    @Test
    void valid001GrammarErrorsAreErrorsAndTheRestIsStillLinted() {
        LintReport r = lint(ROOT, "{'Sid':'Bad','Effect':'allow','Principal':'*','Action':'kms:Decrypt','Resource':'*'}",
                "{'Sid':'Typo','Effect':'Allow','Principal':{'AWS':'111122223333'},'Action':'kms:Encrpyt','Resource':'*'}");
        assertThat(rules(r)).containsExactly("VALID-001", "NEVER-001", "ACT-001");
        assertThat(r.findings().get(0).pointer()).isEqualTo("/Statement/1/Effect");
        assertThat(r.findings().get(0).ref()).isEqualTo("keyPolicy#Bad");
        assertThat(rules(Linter.lint("x", "{", LintOptions.keyPolicy()))).containsExactly("VALID-001");
    }

    @Test
    void identityPoliciesSkipKeyPolicyRules() {
        LintReport r = Linter.lint("id", json("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':"
                + "['kms:Decrpyt','s3:GetObject'],'Resource':'*'}]}"), new LintOptions(PolicyKind.IDENTITY, null, null));
        assertThat(rules(r)).containsExactly("ACT-001");
    }

    @Test
    void sid001DuplicateSids() {
        String a = "{'Sid':'Same','Effect':'Allow','Principal':{'AWS':'111122223333'},'Action':'kms:*','Resource':'*'}";
        assertThat(only(lint(a, a), "SID-001").pointer()).isEqualTo("/Statement/1/Sid");
    }

    @Test
    void jsonFormCarriesRuleSeverityAndPointer() throws Exception {
        var j = new com.fasterxml.jackson.databind.ObjectMapper().readTree(lint(ROOT, ROOT).renderJson());
        assertThat(j.get("counts").get("WARNING").asInt()).isEqualTo(1);
        assertThat(j.get("findings").get(0).get("rule").asText()).isEqualTo("SID-001");
        assertThat(j.get("findings").get(0).get("severity").asText()).isEqualTo("WARNING");
        assertThat(j.get("findings").get(0).get("pointer").asText()).isEqualTo("/Statement/1/Sid");
    }

    @Test
    void suggestionsUseEditDistance() {
        assertThat(Suggestions.distance("decrpyt", "decrypt")).isEqualTo(1);
        assertThat(Suggestions.closest("Decrpyt", List.of("Encrypt", "Decrypt"))).isEqualTo("Decrypt");
        assertThat(Suggestions.closest("Frobnicate", List.of("Encrypt", "Decrypt"))).isNull();
        assertThat(PointerOrder.statement("/Statement/10")).isEqualTo(10);
        assertThat(PointerOrder.statement("/Statement/Sid")).isZero();
        assertThat(PointerOrder.statement("")).isEqualTo(-1);
    }
}
