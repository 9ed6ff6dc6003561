package io.kmsd.policy.cedar;

import static io.kmsd.policy.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmsd.policy.eval.Decision;
import io.kmsd.policy.testing.CaseResult;
import io.kmsd.policy.testing.PolicyTestRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** {@code ./kms policy export --cedar}: what translates, what does not, and that the translation decides alike. */
class CedarExportTest {
    static final Path POLICIES = Path.of("..", "policies").toAbsolutePath().normalize();
    static final String ROOT = "{'Sid':'Root','Effect':'Allow','Principal':{'AWS':'111122223333'},'Action':'kms:*',"
            + "'Resource':'*'}";

    private static CedarExport export(String... statements) {
        return CedarExport.of("p.json", json("{'Version':'2012-10-17','Statement':[" + String.join(",", statements)
                + "]}"));
    }

    private static List<String> examples() throws IOException {
        try (Stream<Path> dirs = Files.list(POLICIES)) {
            return dirs.filter(d -> Files.exists(d.resolve("policy.json"))).map(d -> d.getFileName().toString())
                    .sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyExampleTranslatesAndValidatesAgainstTheSchema() throws IOException {
        return examples().stream().map(e -> DynamicTest.dynamicTest(e, () -> {
            CedarExport x = CedarExport.of(e, Files.readString(POLICIES.resolve(e).resolve("policy.json")));
            assertThat(x.skipped()).isEmpty();
            assertThat(x.exitCode()).isZero();
            assertThat(CedarOracle.validationErrors(x)).as(x.cedar()).isEmpty();
        }));
    }

    /** Every example case without grants: Cedar on the translation decides as the engine (before guardrails). */
    @Test
    void theTranslationsDecideTheExampleCasesAlike() throws Exception {
        PolicyTestRunner runner = new PolicyTestRunner();
        int compared = 0;
        for (String e : examples()) {
            CedarOracle oracle = new CedarOracle(CedarExport.of(e, Files.readString(POLICIES.resolve(e)
                    .resolve("policy.json"))));
            for (CaseResult c : runner.run(List.of(POLICIES.resolve(e))).cases()) {
                Decision d = c.decision();
                if (d == null || !d.request().grants().isEmpty() || !d.request().hasKeyResource()) {
                    continue;
                }
                var answer = oracle.decide(d.request(), !d.evidence().identity().isEmpty(),
                        d.evidence().denies().stream().anyMatch(r -> r.startsWith("identity:")));
                boolean iamAllowed = d.allowed() || d.outcome() == io.kmsd.policy.eval.Outcome.GUARDRAIL_DENY;
                assertThat(answer.allowed()).as(c.id() + " " + d + " " + answer).isEqualTo(iamAllowed);
                compared++;
            }
        }
        assertThat(compared).as("example cases compared").isGreaterThanOrEqualTo(45);
    }

    @Test
    void untranslatableStatementsAreListedWithTheReason() {
        String p = "{'Sid':'%s','Effect':'%s','Principal':'*','Action':'kms:Decrypt','Resource':'*','Condition':%s}";
        CedarExport x = export(ROOT,
                p.formatted("IgnoreCase", "Allow", "{'StringEqualsIgnoreCase':{'kms:ViaService':'S3'}}"),
                p.formatted("Numeric", "Deny", "{'NumericLessThan':{'kms:ScheduleKeyDeletionPendingWindowInDays':'7'}}"),
                p.formatted("Question", "Allow", "{'StringLike':{'kms:ViaService':'s?.amazonaws.com'}}"),
                p.formatted("Variable", "Allow", "{'StringLike':{'kms:EncryptionContext:user':'${aws:username}-*'}}"),
                p.formatted("SourceArn", "Allow", "{'ArnLike':{'aws:SourceArn':'arn:aws:s3:::b/*'}}"),
                p.formatted("SetLike", "Allow", "{'ForAnyValue:StringLike':{'kms:EncryptionContextKeys':'a*'}}"));
        assertThat(x.translated()).containsOnlyKeys("keyPolicy#Root");
        assertThat(x.skipped()).containsOnlyKeys("keyPolicy#IgnoreCase", "keyPolicy#Numeric", "keyPolicy#Question",
                "keyPolicy#Variable", "keyPolicy#SourceArn", "keyPolicy#SetLike");
        assertThat(x.skipped().get("keyPolicy#Numeric")).isEqualTo("numeric operators have no Cedar equivalent here");
        assertThat(x.skipped().get("keyPolicy#Question")).isEqualTo("'?' in 's?.amazonaws.com': Cedar's like has only '*'");
        assertThat(x.exitCode()).isEqualTo(1);
        assertThat(x.renderText()).startsWith("p.json: 1 statement translated, 6 not translated\n"
                + "  NOT TRANSLATED keyPolicy#IgnoreCase: string ignore case operators have no Cedar equivalent here\n")
                .endsWith("  the Cedar policies are not equivalent: a missing Allow allows less, a missing Deny allows more\n");
        assertThat(x.cedar()).contains("// keyPolicy#Numeric: NOT TRANSLATED (Deny): numeric operators");
    }

    @Test
    void statementsThatNeverApplyAreNotedAndTranslationsOfEdgeCases() throws Exception {
        CedarExport x = export(ROOT, "{'Sid':'NoResource','Effect':'Allow','Principal':'*','Action':'kms:*'}",
                "{'Sid':'OtherService','Effect':'Allow','Principal':'*','Action':'s3:GetObject','Resource':'*'}",
                "{'Sid':'Federated','Effect':'Allow','Principal':{'Federated':'cognito-identity.amazonaws.com'},"
                        + "'Action':'kms:Decrypt','Resource':'*'}",
                "{'Sid':'Keys','Effect':'Deny','NotPrincipal':{'AWS':['111122223333','arn:aws:iam::111122223333:user/a']},"
                        + "'Action':'kms:Decrypt','NotResource':'arn:aws:kms:*:111122223333:key/*'}");
        assertThat(x.neverApply()).containsExactly("keyPolicy#NoResource", "keyPolicy#OtherService", "keyPolicy#Federated");
        assertThat(x.translated()).containsOnlyKeys("keyPolicy#Root", "keyPolicy#Keys");
        assertThat(CedarOracle.validationErrors(x)).isEmpty();
        assertThat(x.renderJson()).contains("\"equivalent\" : true");
        assertThatThrownBy(() -> CedarExport.of("bad.json", "{")).hasMessageStartingWith("bad.json is not a valid key policy");
    }

    @Test
    void duplicateSidsGetDistinctIds() {
        CedarExport x = export(ROOT, ROOT);
        assertThat(x.translated()).containsOnlyKeys("keyPolicy#Root", "keyPolicy#Root (statement 1)");
        assertThat(new HashSet<>(x.translated().values())).isEqualTo(Set.of("keyPolicy#Root"));
    }
}
