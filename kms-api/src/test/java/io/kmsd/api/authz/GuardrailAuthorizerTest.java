package io.kmsd.api.authz;

import static org.assertj.core.api.Assertions.assertThat;

import io.kmsd.api.auth.IdentitiesFile;
import io.kmsd.api.auth.IdentityStore;
import io.kmsd.api.auth.Principal;
import io.kmsd.core.Core;
import io.kmsd.core.CoreConfig;
import io.kmsd.core.NewKey;
import io.kmsd.core.key.AccountId;
import io.kmsd.core.key.KeyFacts;
import io.kmsd.core.key.Region;
import io.kmsd.policy.cedar.Guardrails;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guardrails behind the seam (DESIGN "Request flow" step 5: they can only deny), the explanation ExplainAccess
 * returns, and the principals it may explain.
 */
class GuardrailAuthorizerTest {
    static final AccountId A = new AccountId("111122223333");
    static final Region REGION = new Region("us-east-1");
    static final String ALICE = "arn:aws:iam::111122223333:user/alice";
    static final String NO_ENCRYPT = """
            @id("no-encrypt")
            forbid (principal, action == Kms::Action::"Encrypt", resource);
            """;

    @TempDir
    static Path dir;
    static Core core;
    static IdentityStore identities;
    static PolicyAuthorizer authorizer;
    static KeyFacts key;

    @BeforeAll
    static void start() {
        core = Core.start(CoreConfig.builder().h2(dir).build());
        identities = IdentitiesFile.parse(PolicyAuthorizerTest.IDENTITIES, "test"); // alice: kms:*
        authorizer = new PolicyAuthorizer(identities, core.grants(), true, false,
                Guardrails.of(Map.of("rails.cedar", NO_ENCRYPT)));
        key = core.keys().facts(core.keys().createKey(new NewKey(A, REGION, "",
                io.kmsd.core.key.KeySpec.SYMMETRIC_DEFAULT, null, null, List.of(), null, false)).arn());
    }

    @AfterAll
    static void stop() {
        core.close();
    }

    static AuthzRequest request(String accessKey, String action) {
        Principal p = identities.credential(accessKey).orElseThrow().principal();
        return AuthzRequest.onKey(p, action, key, PolicyAuthorizerTest.facts());
    }

    @Test
    void aGuardrailDeniesWhatIamAllowsAsAnExplicitDenyNamingThePolicy() {
        AuthzDecision d = authorizer.decide(request("AKIAALICE0000000001", "kms:Encrypt"));
        assertThat(d.outcome()).isEqualTo(AuthzDecision.Outcome.EXPLICIT_DENY);
        assertThat(d.deciding()).containsExactly("guardrail:no-encrypt");
        assertThat(d.deniedMessage()).isEqualTo("User: " + ALICE + " is not authorized to perform: kms:Encrypt on "
                + "resource: " + key.arn() + " with an explicit deny in a guardrail policy: no-encrypt");
    }

    @Test
    void whatTheGuardrailsDoNotForbidIsDecidedByIamAlone() {
        assertThat(authorizer.decide(request("AKIAALICE0000000001", "kms:Decrypt")).allowed()).isTrue();
        AuthzDecision denied = authorizer.decide(request("AKIANOPOLICY0000001", "kms:Encrypt"));
        assertThat(denied.outcome()).isEqualTo(AuthzDecision.Outcome.IMPLICIT_DENY);
        assertThat(denied.deciding()).containsExactly("implicit");
    }

    @Test
    void theExplanationAgreesWithTheDecisionAndShowsEveryGuardrailVerdict() {
        AccessExplanation x = authorizer.explain(request("AKIAALICE0000000001", "kms:Encrypt")).orElseThrow();
        assertThat(x.decision()).isEqualTo("DENY");
        assertThat(x.deciding()).containsExactly("guardrail:no-encrypt");
        assertThat(x.text()).startsWith("DENY (guardrail) kms:Encrypt").contains("\n  guardrail no-encrypt FORBIDS");
        assertThat(x.json()).contains("\"decision\" : \"DENY\"");
        AccessExplanation implicit = authorizer.explain(request("AKIANOPOLICY0000001", "kms:Encrypt")).orElseThrow();
        assertThat(implicit.deciding()).containsExactly("implicit");
        assertThat(implicit.text()).contains("\n  guardrail no-encrypt FORBIDS"); // shown even when IAM denied
    }

    @Test
    void principalsAreTheIdentitiesUsersAndTheRootsOfTheirAccounts() {
        assertThat(authorizer.principal(ALICE)).map(Principal::arn).contains(ALICE);
        assertThat(authorizer.principal("arn:aws:iam::111122223333:root")).map(Principal::arn)
                .contains("arn:aws:iam::111122223333:root");
        assertThat(authorizer.principal("arn:aws:iam::111122223333:user/nobody")).isEmpty();
        assertThat(authorizer.principal("arn:aws:iam::999999999999:root")).isEmpty();
        assertThat(authorizer.principal("not an arn")).isEmpty();
    }
}
