package io.kmsd.policy.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** key-policy-semantics V1–V5: the runner's pass criteria and its output. */
class PolicyTestRunnerTest {
    @TempDir
    Path dir;

    private static final String VECTOR = """
            {"id":"%s","title":"t","rules":["E7"],
             "key":{"arn":"arn:aws:kms:us-east-1:111122223333:key/0b6f3a1e-5c2d-4e8f-9a71-2d3c4b5a6f70",
                    "policy":{"Version":"2012-10-17","Statement":[{"Sid":"Alice","Effect":"Allow",
                      "Principal":{"AWS":"arn:aws:iam::111122223333:user/alice"},"Action":"kms:Decrypt","Resource":"*"}]}},
             "caller":{"arn":"arn:aws:iam::111122223333:user/alice","type":"User","account":"111122223333",
                       "identityPolicies":[]},
             "request":{"action":"kms:Decrypt","keyArn":"arn:aws:kms:us-east-1:111122223333:key/0b6f3a1e-5c2d-4e8f-9a71-2d3c4b5a6f70"},
             "expect":%s}""";

    private Path file(String name, String... vectors) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, "{\"format\":\"kms-policy-decision-vectors/1\",\"vectors\":[" + String.join(",", vectors)
                + "]}");
        return p;
    }

    private String run(List<Path> paths, int expectedExit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = new PolicyTestRunner().runAndPrint(paths, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(expectedExit);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void v4PassingCasesPrintOneLineAndTheSummary() throws IOException {
        Path f = file("ok.json", VECTOR.formatted("ok-1", "{\"decision\":\"ALLOW\",\"deciding\":[\"keyPolicy#Alice\"]}"));
        assertThat(run(List.of(f), 0)).isEqualTo(f + "\n  PASS ok-1  t\n1 passed, 0 failed\n");
    }

    @Test
    void v4WrongDecisionFailsAndPrintsTheExplanation() throws IOException {
        Path f = file("bad.json", VECTOR.formatted("bad-1", "{\"decision\":\"DENY\",\"deciding\":[\"implicit\"]}"));
        String out = run(List.of(f), 1);
        assertThat(out).startsWith(f + "\n  FAIL bad-1  t\n       expected DENY [implicit], got ALLOW [keyPolicy#Alice]\n")
                .contains("       ALLOW kms:Decrypt on key/0b6f3a1e").endsWith("0 passed, 1 failed\n");
    }

    @Test
    void v4DecidingRefsCompareAsASetAndErrorsMustMatch() throws IOException {
        Path f = file("refs.json",
                VECTOR.formatted("extra-ref", "{\"decision\":\"ALLOW\",\"deciding\":[\"keyPolicy#Alice\",\"grant:g\"]}"),
                VECTOR.formatted("error", "{\"decision\":\"ALLOW\",\"deciding\":[\"keyPolicy#Alice\"],"
                        + "\"error\":\"MalformedPolicyDocumentException\"}"));
        TestReport r = new PolicyTestRunner().run(List.of(f));
        assertThat(r.cases()).extracting(CaseResult::passed).containsExactly(false, false);
        assertThat(r.cases().get(1).problems()).containsExactly("expected error MalformedPolicyDocumentException, got null");
    }

    @Test
    void v5BrokenVectorsAndFilesFailOnTheirOwn() throws IOException {
        Path f = file("broken.json", "{\"id\":\"no-caller\",\"key\":{},\"request\":{\"action\":\"kms:Decrypt\"},"
                + "\"expect\":{\"decision\":\"DENY\"}}",
                VECTOR.formatted("fine", "{\"decision\":\"ALLOW\",\"deciding\":[\"keyPolicy#Alice\"]}"));
        Path notJson = dir.resolve("x.json");
        Files.writeString(notJson, "{");
        TestReport r = new PolicyTestRunner().run(List.of(f, notJson, dir.resolve("missing.yaml")));
        assertThat(r.summaryLine()).isEqualTo("1 passed, 3 failed");
        assertThat(r.cases().get(0).problems().get(0)).startsWith("vector cannot be run:");
        assertThat(r.cases().get(2).problems().get(0)).startsWith("cannot read:");
        assertThat(r.cases()).extracting(CaseResult::error).containsExactly(true, false, true, true);
    }

    @Test
    void v1YamlFilesAndFoldersAreRun() throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/cases.yaml"), """
                format: kms-policy-decision-vectors/1
                vectors:
                  - id: yaml-1
                    key:
                      arn: arn:aws:kms:us-east-1:111122223333:key/0b6f3a1e-5c2d-4e8f-9a71-2d3c4b5a6f70
                      policy:
                        Version: "2012-10-17"
                        Statement:
                          - {Effect: Allow, Principal: "*", Action: "kms:*", Resource: "*"}
                    caller: {arn: "arn:aws:iam::111122223333:user/bob", type: User, account: "111122223333"}
                    request: {action: "kms:Encrypt"}
                    expect: {decision: ALLOW, deciding: ["keyPolicy#[0]"]}
                """);
        Files.writeString(dir.resolve("example-policy.json"), "{\"Version\":\"2012-10-17\",\"Statement\":[]}");
        String out = run(List.of(dir), 0);
        assertThat(out).isEqualTo(dir.resolve("sub/cases.yaml") + "\n  PASS yaml-1\n1 passed, 0 failed\n");
    }

    @Test
    void v1YamlAnchorsWorkAndUnquotedDatesStayText() throws IOException {
        Path p = dir.resolve("anchors.yml");
        Files.writeString(p, """
                vectors:
                  - id: first
                    key:
                      arn: arn:aws:kms:us-east-1:111122223333:key/0b6f3a1e-5c2d-4e8f-9a71-2d3c4b5a6f70
                      policy: &open
                        Version: 2012-10-17
                        Statement: [{Sid: Open, Effect: Allow, Principal: "*", Action: "kms:*", Resource: "*"}]
                    caller: &bob {arn: "arn:aws:iam::111122223333:user/bob", type: User, account: "111122223333"}
                    request: {action: "kms:Encrypt", currentTime: 2025-06-01T12:00:00Z}
                    expect: {decision: ALLOW, deciding: ["keyPolicy#Open"]}
                  - id: second
                    key: {arn: "arn:aws:kms:us-east-1:111122223333:key/0b6f3a1e-5c2d-4e8f-9a71-2d3c4b5a6f70", policy: *open}
                    caller: *bob
                    request: {action: "kms:Decrypt"}
                    expect: {decision: ALLOW, deciding: ["keyPolicy#Open"]}
                """);
        assertThat(run(List.of(p), 0)).endsWith("2 passed, 0 failed\n");
    }

    @Test
    void v1DuplicateYamlKeysFailTheFile() throws IOException {
        Path p = dir.resolve("dup.yaml");
        Files.writeString(p, "vectors:\n  - id: a\n    id: b\n");
        TestReport r = new PolicyTestRunner().run(List.of(p));
        assertThat(r.cases()).singleElement().satisfies(c -> assertThat(c.problems().get(0)).contains("duplicate key 'id'"));
    }

    @Test
    void v1ABareVectorIsAOneVectorFile() throws IOException {
        Path p = dir.resolve("one.json");
        Files.writeString(p, VECTOR.formatted("bare", "{\"decision\":\"ALLOW\",\"deciding\":[\"keyPolicy#Alice\"]}"));
        assertThat(VectorFile.load(p).vectors()).extracting(DecisionVector::id).containsExactly("bare");
    }
}
