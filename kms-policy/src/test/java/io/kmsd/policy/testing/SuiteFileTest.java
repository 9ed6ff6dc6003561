package io.kmsd.policy.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The concise suite form of policy tests: files named once, cases with only what differs. */
class SuiteFileTest {
    static final String KEY = "arn:aws:kms:us-east-1:111122223333:key/0b6f3a1e-5c2d-4e8f-9a71-2d3c4b5a6f70";

    @TempDir
    Path dir;

    @BeforeEach
    void policies() throws IOException {
        Files.writeString(dir.resolve("policy.json"), """
                {"Version":"2012-10-17","Statement":[
                 {"Sid":"Root","Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"kms:*","Resource":"*"},
                 {"Sid":"Alice","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/alice"},
                  "Action":"kms:Decrypt","Resource":"*",
                  "Condition":{"StringEquals":{"kms:EncryptionContext:app":"payments"}}}]}""");
        Files.writeString(dir.resolve("app.json"), """
                {"Version":"2012-10-17","Statement":[{"Sid":"Use","Effect":"Allow","Action":"kms:Encrypt","Resource":"*"}]}""");
        Files.writeString(dir.resolve("grants.json"), """
                [{"grantId":"g-bob","granteePrincipal":"arn:aws:iam::111122223333:user/bob","operations":["Decrypt"]}]""");
    }

    private TestReport run(String suite) throws IOException {
        Path p = dir.resolve("suite.yaml");
        Files.writeString(p, suite);
        return new PolicyTestRunner().run(List.of(p));
    }

    private static String header() {
        return """
                format: kms-policy-suite/1
                key: {arn: %s, policy: policy.json}
                identityPolicies: {app-use: app.json}
                grants: grants.json
                principals:
                  alice: arn:aws:iam::111122223333:user/alice
                  app: {arn: "arn:aws:iam::111122223333:role/App", identityPolicies: [app-use]}
                defaults: {encryptionContext: {app: payments}}
                cases:
                """.formatted(KEY);
    }

    @Test
    void casesNameOnlyWhatDiffers() throws IOException {
        TestReport r = run(header() + """
                  - {id: alice-decrypts, caller: alice, action: kms:Decrypt, expect: ALLOW}
                  - {id: alice-wrong-context, caller: alice, action: kms:Decrypt, encryptionContext: {app: hr}, expect: DENY}
                  - {id: role-via-identity, caller: app, action: kms:Encrypt,
                     expect: {decision: ALLOW, deciding: ["keyPolicy#Root", "identity:app-use#Use"]}}
                  - {id: bob-by-grant, caller: "arn:aws:iam::111122223333:user/bob", action: kms:Decrypt,
                     expect: {decision: ALLOW, deciding: ["grant:g-bob"]}}
                  - {id: no-grants-here, caller: "arn:aws:iam::111122223333:user/bob", action: kms:Decrypt, grants: [],
                     expect: {decision: DENY, denyType: IMPLICIT}}
                  - {id: root, caller: "111122223333", action: kms:PutKeyPolicy, expect: ALLOW}
                """);
        assertThat(r.cases()).extracting(CaseResult::id).containsExactly("alice-decrypts", "alice-wrong-context",
                "role-via-identity", "bob-by-grant", "no-grants-here", "root");
        assertThat(r.cases()).allSatisfy(c -> assertThat(c.passed()).as(c.id() + " " + c.problems()).isTrue());
    }

    @Test
    void aWrongExpectationFailsWithTheExplanation() throws IOException {
        TestReport r = run(header() + """
                  - {caller: alice, action: kms:Encrypt, expect: ALLOW}
                  - {caller: alice, action: kms:Decrypt, expect: {decision: ALLOW, deciding: ["keyPolicy#Root"]}}
                  - {caller: alice, action: kms:Decrypt, expect: {decision: ALLOW, denyType: EXPLICIT}}
                """);
        assertThat(r.cases()).extracting(CaseResult::id).containsExactly("case-1", "case-2", "case-3");
        assertThat(r.cases().get(0).problems()).containsExactly("expected ALLOW, got DENY [implicit]");
        assertThat(r.cases().get(0).explanation()).startsWith("DENY (implicit) kms:Encrypt");
        assertThat(r.cases().get(1).problems()).containsExactly(
                "expected ALLOW [keyPolicy#Root], got ALLOW [keyPolicy#Alice]");
        assertThat(r.cases().get(2).problems()).containsExactly("expected deny type EXPLICIT, got null");
        assertThat(r.exitCode()).isEqualTo(1);
    }

    @Test
    void aBrokenCaseFailsAloneAsAnError() throws IOException {
        TestReport r = run(header() + """
                  - {caller: nobody, action: kms:Decrypt, expect: DENY}
                  - {caller: alice, action: kms:Decrypt, encrytionContext: {app: x}, expect: DENY}
                  - {caller: alice, action: kms:Decrypt}
                  - {caller: alice, action: kms:Decrypt, identityPolicies: [missing], expect: DENY}
                  - {caller: alice, action: kms:Decrypt, expect: MAYBE}
                  - {caller: alice, action: kms:Decrypt, expect: ALLOW}
                """);
        assertThat(r.cases()).extracting(CaseResult::error).containsExactly(true, true, true, true, true, false);
        assertThat(r.cases().get(0).problems().get(0)).isEqualTo("case cannot be run: 'nobody' is not a user, role,"
                + " assumed-role, federated-user, account or service principal");
        assertThat(r.cases().get(1).problems().get(0)).contains("unknown case field 'encrytionContext'");
        assertThat(r.cases().get(2).problems().get(0)).contains("the case has no expect");
        assertThat(r.cases().get(3).problems().get(0)).contains("unknown identity policy 'missing'");
        assertThat(r.cases().get(4).problems().get(0)).contains("expect.decision must be ALLOW or DENY, not MAYBE");
        assertThat(r.summaryLine()).isEqualTo("1 passed, 5 failed");
    }

    @Test
    void aSuiteWithAMissingPolicyFileFailsAsOneError() throws IOException {
        TestReport r = run("key: {arn: " + KEY + ", policy: nope.json}\ncases:\n  - {caller: alice, action: kms:Decrypt,"
                + " expect: DENY}\n");
        assertThat(r.cases()).singleElement().satisfies(c -> {
            assertThat(c.error()).isTrue();
            assertThat(c.problems().get(0)).startsWith("cannot read:").contains("nope.json");
        });
        assertThat(run("key: {arn: " + KEY + "}\ncases: []\n").cases().get(0).problems().get(0))
                .contains("a suite needs a non-empty list of cases");
        assertThat(run("key: {policy: policy.json}\ncases:\n  - {caller: alice, action: kms:Decrypt, expect: DENY}\n")
                .cases().get(0).problems().get(0)).contains("the suite's key needs an arn");
    }

    @Test
    void keyAttributesAndContextCanBeOverriddenPerCase() throws IOException {
        Files.writeString(dir.resolve("tags.json"), """
                {"Version":"2012-10-17","Statement":[{"Sid":"Team","Effect":"Allow","Principal":"*",
                 "Action":"kms:Decrypt","Resource":"*","Condition":{
                 "StringEquals":{"aws:ResourceTag/team":"${aws:PrincipalTag/team}"},
                 "IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}}]}""");
        TestReport r = run("""
                key: {arn: %s, policy: tags.json, tags: {team: blue}}
                principals:
                  blue: {arn: "arn:aws:iam::111122223333:user/b", tags: {team: blue}}
                defaults: {sourceIp: 10.1.2.3}
                cases:
                  - {caller: blue, action: kms:Decrypt, expect: ALLOW}
                  - {caller: blue, action: kms:Decrypt, key: {tags: {team: red}}, expect: DENY}
                  - {caller: blue, action: kms:Decrypt, request: {sourceIp: 192.0.2.1}, expect: DENY}
                  - {caller: blue, action: kms:Decrypt, context: {"aws:SourceIp": 192.0.2.1}, expect: DENY}
                """.formatted(KEY));
        assertThat(r.cases()).allSatisfy(c -> assertThat(c.passed()).as(c.id() + " " + c.problems()).isTrue());
    }

    @Test
    void foldersMixSuitesAndVectorFilesAndSkipPolicies() throws IOException {
        Files.writeString(dir.resolve("suite.yaml"), header() + "  - {caller: alice, action: kms:Decrypt, expect: ALLOW}\n");
        TestReport r = new PolicyTestRunner().run(List.of(dir));
        assertThat(r.cases()).singleElement().satisfies(c -> assertThat(c.file()).endsWith("suite.yaml"));
        assertThat(r.render()).isEqualTo(dir.resolve("suite.yaml") + "\n  PASS case-1\n1 passed, 0 failed\n");
    }

    @Test
    void anEmptyRunFails() {
        TestReport r = new PolicyTestRunner().run(List.of(dir.resolve("empty").toAbsolutePath()));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(new TestReport(List.of()).render()).isEqualTo("no test cases found\n0 passed, 0 failed\n");
        assertThat(new TestReport(List.of()).exitCode()).isEqualTo(1);
    }
}
