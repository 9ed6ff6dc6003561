package io.kmsd.policy.cedar;

import static io.kmsd.policy.Fixtures.decide;
import static io.kmsd.policy.Fixtures.keyPolicy;
import static io.kmsd.policy.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmsd.policy.Fixtures;
import io.kmsd.policy.document.PolicyDocument;
import io.kmsd.policy.eval.Decision;
import io.kmsd.policy.eval.GuardrailVerdict;
import io.kmsd.policy.eval.Outcome;
import io.kmsd.policy.explain.Explainer;
import io.kmsd.policy.explain.TextRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cedar guardrails: loaded and validated at start-up with errors naming file and line; they can only deny. */
class GuardrailsTest {
    static final Path EXAMPLES = Path.of("..", "policies", "guardrails").toAbsolutePath().normalize();
    static final PolicyDocument OPEN = keyPolicy("{'Version':'2012-10-17','Statement':[{'Sid':'Open','Effect':'Allow',"
            + "'Principal':'*','Action':'kms:*','Resource':'*'}]}");

    @TempDir
    Path dir;

    private static Guardrails of(String... fileAndText) {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < fileAndText.length; i += 2) {
            files.put(fileAndText[i], fileAndText[i + 1]);
        }
        return Guardrails.of(files);
    }

    private static List<String> problems(String... fileAndText) {
        try {
            of(fileAndText);
        } catch (GuardrailException e) {
            return e.problems();
        }
        throw new AssertionError("expected the guardrails to be rejected");
    }

    @Test
    void theSchemaParsesAndItsPublishedCopyIsCurrent() throws IOException {
        assertThat(KmsCedarSchema.parsed()).isNotNull();
        assertThat(Files.readString(EXAMPLES.resolve("kms.cedarschema"))).isEqualTo(KmsCedarSchema.text());
    }

    @Test
    void theExampleGuardrailsLoadInFileOrder() {
        assertThat(Guardrails.load(EXAMPLES).policyIds()).containsExactly("decrypt-from-corporate-network",
                "keep-production-keys", "tenant-context-required");
    }

    @Test
    void aForbidTurnsAnAllowIntoAGuardrailDeny() {
        Guardrails g = of("no-decrypt.cedar", """
                @id("no-decrypt-for-alice")
                forbid (principal == Kms::User::"arn:aws:iam::111122223333:user/alice", action == Kms::Action::"Decrypt",
                        resource);
                """);
        Decision d = g.apply(decide(request(Fixtures.alice(), "kms:Decrypt", OPEN)));
        assertThat(d.outcome()).isEqualTo(Outcome.GUARDRAIL_DENY);
        assertThat(d.deciding()).containsExactly("guardrail:no-decrypt-for-alice");
        assertThat(d.guardrails()).containsExactly(new GuardrailVerdict("no-decrypt-for-alice", true, "no-decrypt.cedar:1"));
        assertThat(TextRenderer.render(Explainer.explain(d))).contains("  guardrail no-decrypt-for-alice FORBIDS"
                + "  no-decrypt.cedar:1\n");
        assertThat(g.apply(decide(request(Fixtures.bob(), "kms:Decrypt", OPEN))).outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(g.apply(decide(request(Fixtures.alice(), "kms:Encrypt", OPEN))).outcome()).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void guardrailsSeeHierarchyTagsContextAndTheIdentitySide() {
        Guardrails g = of("g.cedar", """
                forbid (principal in Kms::Account::"444455556666", action in Kms::Action::"AdminLifecycle", resource);
                forbid (principal in Kms::Role::"arn:aws:iam::111122223333:role/AppRole", action, resource)
                  unless { context.request.hasTag("kms:encryptioncontext:app") };
                forbid (principal is Kms::User, action, resource)
                  when { principal.hasTag("team") && principal.getTag("team") == "red" };
                forbid (principal, action == Kms::Action::"DescribeKey", resource) unless { context.identityAllowed };
                """);
        assertThat(g.policyIds()).containsExactly("g#0", "g#1", "g#2", "g#3");
        Decision session = g.apply(decide(request(Fixtures.appSession(), "kms:Encrypt", OPEN)));
        assertThat(session.deciding()).containsExactly("guardrail:g#1");
        Decision withContext = g.apply(decide(request(Fixtures.appSession(), "kms:Encrypt", OPEN,
                Fixtures.facts().encryptionContext(Map.of("App", "x")).build(), List.of())));
        assertThat(withContext.outcome()).isEqualTo(Outcome.ALLOW);
        var red = io.kmsd.policy.principal.Principal.of(Fixtures.BOB, io.kmsd.policy.principal.PrincipalType.User,
                Fixtures.ACCOUNT, null, null, Map.of("team", "red"), null);
        assertThat(g.apply(decide(request(red, "kms:Encrypt", OPEN))).deciding()).containsExactly("guardrail:g#2");
        assertThat(g.apply(decide(request(Fixtures.bob(), "kms:DescribeKey", OPEN))).deciding())
                .as("no identity policy allows it").containsExactly("guardrail:g#3");
    }

    @Test
    void theRequestPathSkipsCedarForDeniedRequestsAndKeylessOperationsWork() {
        Guardrails g = of("g.cedar", """
                forbid (principal, action == Kms::Action::"CreateKey", resource in Kms::Account::"111122223333")
                  unless { context.request.hasTag("aws:requesttag/team") };
                forbid (principal, action == Kms::Action::"Decrypt", resource);
                """);
        Decision denied = decide(request(Fixtures.alice(), "kms:Decrypt", keyPolicy("{'Version':'2012-10-17',"
                + "'Statement':[{'Sid':'B','Effect':'Allow','Principal':{'AWS':'" + Fixtures.BOB + "'},'Action':'kms:*',"
                + "'Resource':'*'}]}")));
        assertThat(g.enforce(denied)).isSameAs(denied);
        assertThat(g.enforce(decide(request(Fixtures.alice(), "kms:Decrypt", OPEN))).outcome())
                .isEqualTo(Outcome.GUARDRAIL_DENY);
        var caller = new io.kmsd.policy.request.Caller(Fixtures.alice(), List.of(io.kmsd.policy.Fixtures.identity("all",
                "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'kms:*','Resource':'*'}]}")));
        var createKey = io.kmsd.policy.request.AuthorizationRequest.builder().caller(caller).action("kms:CreateKey")
                .facts(Fixtures.facts().build()).build();
        Decision untagged = g.enforce(Fixtures.EVALUATOR.evaluate(createKey));
        assertThat(untagged.deciding()).containsExactly("guardrail:g#0");
        var tagged = io.kmsd.policy.request.AuthorizationRequest.builder().caller(caller).action("kms:CreateKey")
                .facts(Fixtures.facts().tags(Map.of("team", "blue")).build()).build();
        assertThat(g.enforce(Fixtures.EVALUATOR.evaluate(tagged)).outcome()).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void guardrailsNeverAllow() {
        Guardrails g = of("g.cedar", "forbid (principal, action == Kms::Action::\"Sign\", resource);");
        PolicyDocument closed = keyPolicy("{'Version':'2012-10-17','Statement':[{'Sid':'Bob','Effect':'Allow',"
                + "'Principal':{'AWS':'" + Fixtures.BOB + "'},'Action':'kms:*','Resource':'*'}]}");
        Decision d = g.apply(decide(request(Fixtures.alice(), "kms:Decrypt", closed)));
        assertThat(d.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(d.guardrails()).singleElement().satisfies(v -> assertThat(v.forbids()).isFalse());
    }

    @Test
    void errorsNameTheFileAndLine() {
        List<String> ps = problems("a.cedar", """
                // context.viaService is optional: the validator wants `context has viaService` first
                forbid (principal, action, resource) when { context.viaService == "x" };

                forbid (principal, action, resource)
                  when { context.nope == 1 };
                """, "b.cedar", """
                permit (principal, action, resource);
                forbid (principal, action, resource) when { context. };
                forbid (principal, action, resource)""");
        assertThat(ps).containsExactly("b.cedar:1: guardrails can only deny: use forbid, not permit",
                "b.cedar:2: unexpected token `}`",
                "b.cedar:3: the policy does not end with ';'",
                "a.cedar:2: for policy `a#0`, unable to guarantee safety of access to optional attribute `viaService` in"
                        + " context (try testing for the attribute's presence with `context has viaService && ..`) (for "
                        + io.kmsd.policy.actions.KmsActions.operations().size() + " actions)",
                "a.cedar:5: for policy `a#1`, attribute `nope` in context not found (did you mean `request`?) (for "
                        + io.kmsd.policy.actions.KmsActions.operations().size() + " actions)");
    }

    @Test
    void idsAreUniqueAndADirectoryIsNeeded() throws IOException {
        assertThat(problems("a.cedar", "@id(\"x\") forbid (principal, action, resource);\n",
                "b.cedar", "\n\n@id(\"x\")\nforbid (principal, action, resource);"))
                .containsExactly("b.cedar:3: the policy id \"x\" is already used at a.cedar:1");
        assertThatThrownBy(() -> Guardrails.load(dir.resolve("missing"))).isInstanceOf(GuardrailException.class)
                .hasMessageContaining("not a directory of .cedar guardrail policies");
        Files.writeString(dir.resolve("README.md"), "no policies here");
        Guardrails none = Guardrails.load(dir);
        assertThat(none.policyIds()).isEmpty();
        Decision d = decide(request(Fixtures.alice(), "kms:Decrypt", OPEN));
        assertThat(none.apply(d)).isSameAs(d);
        Files.createDirectories(dir.resolve("team"));
        Files.writeString(dir.resolve("team/x.cedar"), "forbid (principal, action == Kms::Action::\"Sign\", resource);");
        assertThat(Guardrails.load(dir).policyIds()).containsExactly("team/x#0");
    }
}
