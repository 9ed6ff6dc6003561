package io.kmsd.policy.explain;

import static io.kmsd.policy.Fixtures.decide;
import static io.kmsd.policy.Fixtures.identity;
import static io.kmsd.policy.Fixtures.keyPolicy;
import static io.kmsd.policy.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kmsd.core.error.KmsError;
import io.kmsd.policy.Fixtures;
import io.kmsd.policy.condition.Reason;
import io.kmsd.policy.document.NamedPolicy;
import io.kmsd.policy.document.PolicyDocument;
import io.kmsd.policy.eval.Decision;
import io.kmsd.policy.eval.GrantFailure;
import io.kmsd.policy.explain.Explanation.StatementResult;
import io.kmsd.policy.grants.Grant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** key-policy-semantics X1–X7 and the AccessDenied messages of kms-api §1.3. */
class ExplainerTest {
    static final PolicyDocument RDS_ONLY = keyPolicy("{'Version':'2012-10-17','Statement':[{'Sid':'AllowAlice',"
            + "'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::111122223333:user/alice'},'Action':['kms:Decrypt',"
            + "'kms:Encrypt'],'Resource':'*'},{'Sid':'OnlyThroughRds','Effect':'Deny','Principal':{'AWS':"
            + "'arn:aws:iam::111122223333:user/alice'},'Action':'kms:Decrypt','Resource':'*','Condition':"
            + "{'StringNotEquals':{'kms:ViaService':'rds.us-east-1.amazonaws.com'}}}]}");
    static final PolicyDocument DEFAULT = keyPolicy("{'Version':'2012-10-17','Statement':[{'Sid':'Root',"
            + "'Effect':'Allow','Principal':{'AWS':'111122223333'},'Action':'kms:*','Resource':'*'}]}");

    @Test
    void x6TextFormOfAnExplicitDeny() {
        String text = TextRenderer.render(Explainer.explain(decide(request(Fixtures.alice(), "kms:Decrypt", RDS_ONLY))));
        assertThat(text).isEqualTo("""
                DENY (explicit) kms:Decrypt on key/0b6f3a1e-5c2d-4e8f-9a71-2d3c4b5a6f70 by arn:aws:iam::111122223333:user/alice
                  User: arn:aws:iam::111122223333:user/alice is not authorized to perform: kms:Decrypt on resource: \
                arn:aws:kms:us-east-1:111122223333:key/0b6f3a1e-5c2d-4e8f-9a71-2d3c4b5a6f70 with an explicit deny in a \
                resource-based policy
                  deciding: keyPolicy#OnlyThroughRds (Deny)
                  keyPolicy:
                    [0] AllowAlice      Allow APPLIES
                    [1] OnlyThroughRds  Deny  APPLIES  StringNotEquals kms:ViaService: key absent → true
                  grants: none
                  context:
                    aws:PrincipalArn = arn:aws:iam::111122223333:user/alice
                    aws:PrincipalAccount = 111122223333
                    aws:PrincipalType = User
                    aws:username = alice
                    aws:PrincipalIsAWSService = false
                    aws:CurrentTime = 2025-06-01T12:00:00Z
                    aws:EpochTime = 1748779200
                    aws:SecureTransport = true
                    aws:ViaAWSService = false
                    kms:CallerAccount = 111122223333
                    kms:KeySpec = SYMMETRIC_DEFAULT
                    kms:CustomerMasterKeySpec = SYMMETRIC_DEFAULT
                    kms:KeyUsage = ENCRYPT_DECRYPT
                    kms:CustomerMasterKeyUsage = ENCRYPT_DECRYPT
                    kms:KeyOrigin = AWS_KMS
                    kms:MultiRegion = false
                    kms:EncryptionAlgorithm = SYMMETRIC_DEFAULT
                  missing: kms:ViaService (keyPolicy#OnlyThroughRds)
                  suggestion: call through one of [rds.us-east-1.amazonaws.com], or narrow keyPolicy#OnlyThroughRds, \
                which denies requests without kms:ViaService
                  note: Explicit deny overrides 1 applicable allow(s) (E6).
                  note: keyPolicy#OnlyThroughRds: StringNotEquals kms:ViaService: key absent → true (decided by an absent key).
                """);
    }

    @Test
    void x2EveryElementIsEvaluatedAndTheFirstFailureReported() {
        PolicyDocument kp = keyPolicy("{'Version':'2012-10-17','Statement':[{'Sid':'Bob','Effect':'Allow','Principal':"
                + "{'AWS':'arn:aws:iam::111122223333:user/bob'},'Action':'kms:Encrypt','Resource':'*','Condition':"
                + "{'StringEquals':{'kms:EncryptionContext:app':'x'}}}]}");
        StatementResult s = Explainer.explain(decide(request(Fixtures.alice(), "kms:Decrypt", kp)))
                .policies().get(0).statements().get(0);
        assertThat(s.result()).isEqualTo("NOT_APPLICABLE");
        assertThat(s.principal().result()).isEqualTo("NO_MATCH");
        assertThat(s.action().result()).isEqualTo("NO_MATCH");
        assertThat(s.resource().result()).isEqualTo("MATCH");
        assertThat(s.conditions()).singleElement().satisfies(c -> {
            assertThat(c.reason()).isEqualTo(Reason.KEY_ABSENT);
            assertThat(c.keyPresent()).isFalse();
            assertThat(c.requestValues()).isNull();
        });
        assertThat(s.firstFailure().element()).isEqualTo("Principal");
    }

    @Test
    void x2InertAndNotElements() {
        PolicyDocument kp = keyPolicy("{'Version':'2012-10-17','Statement':[{'Sid':'NoRes','Effect':'Allow',"
                + "'Principal':'*','Action':'kms:*'},{'Sid':'NotAct','Effect':'Deny','NotPrincipal':{'AWS':"
                + "'arn:aws:iam::111122223333:user/bob'},'NotAction':'kms:Decrypt','Resource':'*'}]}");
        List<StatementResult> ss = Explainer.explain(decide(request(Fixtures.alice(), "kms:Decrypt", kp)))
                .policies().get(0).statements();
        assertThat(ss.get(0).result()).isEqualTo("INERT");
        assertThat(ss.get(0).resource().result()).isEqualTo("MISSING");
        assertThat(ss.get(1).principal().result()).isEqualTo("NOT_EXCLUDED");
        assertThat(ss.get(1).action().result()).isEqualTo("LISTED");
        assertThat(ss.get(1).firstFailure().element()).isEqualTo("NotAction");
    }

    @Test
    void x3ConditionResultsCarryResolvedValues() {
        PolicyDocument kp = keyPolicy("{'Version':'2012-10-17','Statement':[{'Sid':'Own','Effect':'Allow','Principal':"
                + "'*','Action':'kms:Decrypt','Resource':'*','Condition':{'StringEquals':"
                + "{'kms:EncryptionContext:user':'${aws:username}'}}}]}");
        Decision d = decide(request(Fixtures.bob(), "kms:Decrypt", kp, Fixtures.facts().encryptionContext(
                java.util.Map.of("user", "alice")).build(), List.of()));
        var c = Explainer.explain(d).policies().get(0).statements().get(0).conditions().get(0);
        assertThat(c.policyValues()).containsExactly("${aws:username}");
        assertThat(c.resolvedPolicyValues()).containsExactly("bob");
        assertThat(c.requestValues()).containsExactly("alice");
        assertThat(c.reason()).isEqualTo(Reason.NO_VALUE_MATCHED);
    }

    @Test
    void x4GrantResultsNameTheFirstFailure() {
        Grant other = Grant.simple("g-other", Fixtures.KEY_ARN, Fixtures.ALICE, Set.of("Decrypt"), Fixtures.ACCOUNT);
        Grant mine = Grant.simple("g-mine", Fixtures.KEY_ARN, Fixtures.BOB, Set.of("Decrypt"), Fixtures.ACCOUNT);
        Explanation x = Explainer.explain(decide(request(Fixtures.bob(), "kms:Decrypt", DEFAULT,
                Fixtures.facts().build(), List.of(other, mine))));
        assertThat(x.grants()).extracting(Explanation.GrantResult::firstFailure).containsExactly(GrantFailure.Grantee, null);
        assertThat(x.deciding()).containsExactly("grant:g-mine");
    }

    @Test
    void x5NotesExplainIneffectiveIdentityAllowsAndMissingSides() {
        PolicyDocument onlyBob = keyPolicy("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':"
                + "{'AWS':'arn:aws:iam::111122223333:user/bob'},'Action':'kms:*','Resource':'*'}]}");
        NamedPolicy all = identity("all", "{'Version':'2012-10-17','Statement':[{'Sid':'K','Effect':'Allow',"
                + "'Action':'kms:*','Resource':'*'}]}");
        assertThat(Explainer.explain(decide(request(Fixtures.alice(), "kms:Decrypt", onlyBob, all))).notes())
                .anyMatch(n -> n.contains("ineffective") && n.contains("E7"));
        assertThat(Explainer.explain(decide(request(Fixtures.alice(), "kms:Decrypt", DEFAULT))).notes())
                .anyMatch(n -> n.contains("delegate to account 111122223333"));
        PolicyDocument partner = keyPolicy("{'Version':'2012-10-17','Statement':[{'Sid':'P','Effect':'Allow',"
                + "'Principal':{'AWS':'444455556666'},'Action':'kms:*','Resource':'*'}]}");
        assertThat(Explainer.explain(decide(request(Fixtures.carol(), "kms:Decrypt", partner))).notes())
                .anyMatch(n -> n.startsWith("Cross-account") && n.contains("444455556666"));
        assertThat(Explainer.explain(decide(request(Fixtures.carol(), "kms:DisableKey", partner))).notes())
                .singleElement().asString().contains("E2");
    }

    @Test
    void x1JsonShape() throws Exception {
        Explanation x = Explainer.explain(decide(request(Fixtures.alice(), "kms:Decrypt", RDS_ONLY)));
        JsonNode j = new ObjectMapper().readTree(JsonRenderer.render(x));
        assertThat(j.get("decision").asText()).isEqualTo("DENY");
        assertThat(j.get("denyType").asText()).isEqualTo("EXPLICIT");
        assertThat(j.get("path").asText()).isEqualTo("SAME_ACCOUNT");
        assertThat(j.get("deciding").get(0).get("source").asText()).isEqualTo("keyPolicy");
        assertThat(j.get("deciding").get(0).get("sid").asText()).isEqualTo("OnlyThroughRds");
        assertThat(j.get("decidingRefs").get(0).asText()).isEqualTo("keyPolicy#OnlyThroughRds");
        assertThat(j.get("request").get("callerChain")).hasSize(2);
        assertThat(j.get("context").findValuesAsText("key")).contains("aws:PrincipalArn", "kms:CallerAccount");
        JsonNode st = j.get("policies").get(0).get("statements").get(1);
        assertThat(st.get("principal").get("result").asText()).isEqualTo("DIRECT");
        assertThat(st.get("conditions").get(0).get("reason").asText()).isEqualTo("KEY_ABSENT_NEGATED_TRUE");
        assertThat(st.get("firstFailure").isNull()).isTrue();
        assertThat(j.get("policies").get(0).get("statements").get(0).get("action").get("matchedPattern").asText())
                .isEqualTo("kms:Decrypt");
    }

    @Test
    void x7ImplicitDenyShowsEachAllowsNearestMiss() {
        String text = TextRenderer.render(Explainer.explain(decide(request(Fixtures.bob(), "kms:Decrypt", RDS_ONLY))));
        assertThat(text).startsWith("DENY (implicit) kms:Decrypt")
                .contains("[0] AllowAlice      Allow NOT_APPLICABLE  Principal: expected one of"
                        + " [arn:aws:iam::111122223333:user/alice], got arn:aws:iam::111122223333:user/bob\n")
                .contains("  suggestion: add arn:aws:iam::111122223333:user/bob to the Principal of keyPolicy#AllowAlice\n");
    }

    @Test
    void accessDeniedMessagesFollowAws() {
        String head = "User: arn:aws:iam::111122223333:user/alice is not authorized to perform: kms:Decrypt on resource: "
                + Fixtures.KEY_ARN;
        assertThat(DenialMessages.accessDenied(decide(request(Fixtures.alice(), "kms:Decrypt", DEFAULT))))
                .isEqualTo(head + " because no identity-based policy allows the kms:Decrypt action");
        PolicyDocument onlyBob = keyPolicy("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':"
                + "{'AWS':'arn:aws:iam::111122223333:user/bob'},'Action':'kms:*','Resource':'*'}]}");
        assertThat(DenialMessages.accessDenied(decide(request(Fixtures.alice(), "kms:Decrypt", onlyBob))))
                .isEqualTo(head + " because no resource-based policy allows the kms:Decrypt action");
        assertThat(DenialMessages.accessDenied(decide(request(Fixtures.alice(), "kms:Decrypt", RDS_ONLY))))
                .isEqualTo(head + " with an explicit deny in a resource-based policy");
        NamedPolicy deny = identity("deny", "{'Version':'2012-10-17','Statement':[{'Effect':'Deny','Action':'kms:*',"
                + "'Resource':'*'}]}");
        assertThat(DenialMessages.accessDenied(decide(request(Fixtures.alice(), "kms:Decrypt", DEFAULT, deny))))
                .isEqualTo(head + " with an explicit deny in an identity-based policy");
        var ex = DenialMessages.toException(decide(request(Fixtures.carol(), "kms:DisableKey", DEFAULT)));
        assertThat(ex.error()).isEqualTo(KmsError.AccessDenied);
        assertThat(ex.getMessage()).endsWith("because kms:DisableKey cannot be performed on a key in another account");
        assertThat(DenialMessages.toException(decide(request(Fixtures.root(Fixtures.ACCOUNT), "kms:Decrypt", DEFAULT))))
                .isNull();
    }
}
