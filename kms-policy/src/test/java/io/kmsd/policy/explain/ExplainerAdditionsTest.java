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
import io.kmsd.policy.document.PolicyDocument;
import io.kmsd.policy.eval.Decision;
import io.kmsd.policy.eval.GuardrailVerdict;
import io.kmsd.policy.eval.Outcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The explanation's verdict, expected-vs-actual failures, missing keys, suggestions and guardrails (issue 6 §1). */
class ExplainerAdditionsTest {
    static final PolicyDocument CONTEXT = keyPolicy("{'Version':'2012-10-17','Statement':[{'Sid':'Root','Effect':"
            + "'Allow','Principal':{'AWS':'111122223333'},'Action':'kms:*','Resource':'*'},{'Sid':'App','Effect':"
            + "'Allow','Principal':{'AWS':'arn:aws:iam::111122223333:user/alice'},'Action':'kms:Decrypt','Resource':"
            + "'*','Condition':{'StringEquals':{'kms:EncryptionContext:app':'billing'}}}]}");

    @Test
    void allowVerdictNamesTheDecidingStatements() {
        Decision d = decide(request(Fixtures.root(Fixtures.ACCOUNT), "kms:Decrypt", CONTEXT));
        assertThat(Explainer.explain(d).verdict()).isEqualTo("User: arn:aws:iam::111122223333:root is authorized to"
                + " perform: kms:Decrypt on resource: " + Fixtures.KEY_ARN + " by keyPolicy#Root");
    }

    @Test
    void aMissingConditionKeyIsListedAndSuggested() {
        Explanation x = Explainer.explain(decide(request(Fixtures.alice(), "kms:Decrypt", CONTEXT)));
        assertThat(x.missing()).singleElement().satisfies(m -> {
            assertThat(m.key()).isEqualTo("kms:EncryptionContext:app");
            assertThat(m.askedBy()).containsExactly("keyPolicy#App");
        });
        assertThat(x.suggestions()).contains("send kms:EncryptionContext:app (keyPolicy#App asks for StringEquals"
                + " [billing])");
        var failure = x.policies().get(0).statements().get(1).firstFailure();
        assertThat(failure.expected()).isEqualTo("StringEquals kms:EncryptionContext:app [billing]");
        assertThat(failure.actual()).isEqualTo("key absent");
    }

    @Test
    void aWrongValueIsShownAgainstTheExpectedOne() {
        Explanation x = Explainer.explain(decide(request(Fixtures.alice(), "kms:Decrypt", CONTEXT,
                Fixtures.facts().encryptionContext(Map.of("app", "payroll")).build(), List.of())));
        assertThat(x.missing()).isEmpty();
        assertThat(x.suggestions()).contains("keyPolicy#App needs StringEquals kms:EncryptionContext:app [billing];"
                + " the request has [payroll]");
        assertThat(x.policies().get(0).statements().get(1).firstFailure().detail())
                .isEqualTo("StringEquals kms:EncryptionContext:app: 'payroll' vs [billing]: no value matched → false");
    }

    @Test
    void aMissingActionIsSuggested() {
        Explanation x = Explainer.explain(decide(request(Fixtures.alice(), "kms:Encrypt", CONTEXT,
                Fixtures.facts().encryptionContext(Map.of("app", "billing")).build(), List.of())));
        assertThat(x.suggestions()).contains("add kms:Encrypt to the Action of keyPolicy#App");
        assertThat(x.policies().get(0).statements().get(1).firstFailure().detail())
                .isEqualTo("expected one of [kms:Decrypt], got kms:Encrypt");
    }

    @Test
    void crossAccountSidesAreSuggested() {
        PolicyDocument partner = keyPolicy("{'Version':'2012-10-17','Statement':[{'Sid':'P','Effect':'Allow',"
                + "'Principal':{'AWS':'444455556666'},'Action':'kms:Decrypt','Resource':'*'}]}");
        assertThat(Explainer.explain(decide(request(Fixtures.carol(), "kms:Decrypt", partner))).suggestions())
                .containsExactly("attach to " + Fixtures.CAROL + " an identity policy allowing kms:Decrypt on "
                        + Fixtures.KEY_ARN + " in account 444455556666 (the key policy already allows it: keyPolicy#P)");
        var all = identity("all", "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'kms:*','Resource':'*'}]}");
        assertThat(Explainer.explain(decide(request(Fixtures.carol(), "kms:Decrypt", CONTEXT, all))).suggestions())
                .containsExactly("allow kms:Decrypt to " + Fixtures.CAROL + " or to account 444455556666 in the key"
                        + " policy of account 111122223333");
        assertThat(Explainer.explain(decide(request(Fixtures.carol(), "kms:DisableKey", partner, all))).suggestions())
                .containsExactly("call kms:DisableKey as a principal of account 111122223333: it cannot be performed"
                        + " across accounts (E2)");
    }

    @Test
    void jsonCarriesTheAdditions() throws Exception {
        JsonNode j = new ObjectMapper().readTree(JsonRenderer.render(Explainer.explain(decide(request(
                Fixtures.alice(), "kms:Decrypt", CONTEXT)))));
        assertThat(j.get("verdict").asText()).startsWith("User: " + Fixtures.ALICE + " is not authorized");
        assertThat(j.get("missing").get(0).get("key").asText()).isEqualTo("kms:EncryptionContext:app");
        assertThat(j.get("suggestions")).hasSize(2);
        JsonNode ff = j.get("policies").get(0).get("statements").get(1).get("firstFailure");
        assertThat(ff.get("expected").asText()).isEqualTo("StringEquals kms:EncryptionContext:app [billing]");
        assertThat(ff.get("actual").asText()).isEqualTo("key absent");
        assertThat(j.get("guardrails")).isEmpty();
    }

    @Test
    void aGuardrailTurnsAnAllowIntoADenyAndIsExplained() {
        Decision allowed = decide(request(Fixtures.root(Fixtures.ACCOUNT), "kms:Decrypt", CONTEXT));
        Decision d = allowed.withGuardrails(List.of(new GuardrailVerdict("no-root-decrypt", true, "root.cedar:3"),
                new GuardrailVerdict("business-hours", false, "")));
        assertThat(d.outcome()).isEqualTo(Outcome.GUARDRAIL_DENY);
        assertThat(d.deciding()).containsExactly("guardrail:no-root-decrypt");
        assertThat(d.error()).isEqualTo(KmsError.AccessDenied);
        assertThat(DenialMessages.accessDenied(d)).endsWith("with an explicit deny in a guardrail policy: no-root-decrypt");
        String text = TextRenderer.render(Explainer.explain(d));
        assertThat(text).startsWith("DENY (guardrail) kms:Decrypt")
                .contains("  guardrail no-root-decrypt FORBIDS  root.cedar:3\n  guardrail business-hours SILENT\n");
        Decision denied = decide(request(Fixtures.bob(), "kms:Decrypt", CONTEXT))
                .withGuardrails(List.of(new GuardrailVerdict("x", true, "")));
        assertThat(denied.outcome()).as("guardrails only deny what IAM allowed").isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(denied.guardrails()).hasSize(1);
    }
}
