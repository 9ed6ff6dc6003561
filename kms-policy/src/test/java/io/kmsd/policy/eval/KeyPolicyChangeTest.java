package io.kmsd.policy.eval;

import static io.kmsd.policy.Fixtures.EVALUATOR;
import static io.kmsd.policy.Fixtures.identity;
import static io.kmsd.policy.Fixtures.json;
import static io.kmsd.policy.Fixtures.keyPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmsd.core.error.KmsError;
import io.kmsd.policy.Fixtures;
import io.kmsd.policy.document.NamedPolicy;
import io.kmsd.policy.document.PolicyDocument;
import io.kmsd.policy.document.PolicyFailure;
import io.kmsd.policy.principal.IdentityDirectory;
import io.kmsd.policy.principal.Principal;
import io.kmsd.policy.request.AuthorizationRequest;
import io.kmsd.policy.request.Caller;
import io.kmsd.policy.request.KeyAttributes;
import io.kmsd.policy.request.KeyFacts;
import io.kmsd.policy.request.RequestFacts;
import java.util.List;
import org.junit.jupiter.api.Test;

/** key-policy-semantics L1–L4 and E20 step 6: PutKeyPolicy / CreateKey with a policy. */
class KeyPolicyChangeTest {
    static final PolicyDocument ADMIN_DIRECT = keyPolicy("{'Version':'2012-10-17','Statement':[{'Sid':'Admin',"
            + "'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::111122223333:user/alice'},'Action':'kms:*','Resource':'*'}]}");
    static final String DELEGATE_ONLY = json("{'Version':'2012-10-17','Statement':[{'Sid':'Root','Effect':'Allow',"
            + "'Principal':{'AWS':'111122223333'},'Action':'kms:*','Resource':'*'}]}");
    static final NamedPolicy PUT_POLICY = identity("put", "{'Version':'2012-10-17','Statement':[{'Sid':'Put',"
            + "'Effect':'Allow','Action':'kms:PutKeyPolicy','Resource':'*'}]}");

    private static AuthorizationRequest put(Principal p, RequestFacts f, NamedPolicy... ids) {
        return AuthorizationRequest.builder().caller(new Caller(p, List.of(ids))).action("kms:PutKeyPolicy")
                .key(Fixtures.key(ADMIN_DIRECT)).facts(f).build();
    }

    private static Decision check(AuthorizationRequest r, String newPolicy) {
        return KeyPolicyChange.check(EVALUATOR, r, newPolicy, null, r.key());
    }

    @Test
    void l2DelegatingPolicyFailsForACallerAuthorizedOnlyDirectly() {
        Decision d = check(put(Fixtures.alice(), Fixtures.facts().build()), DELEGATE_ONLY);
        assertThat(d.outcome()).isEqualTo(Outcome.LOCKOUT);
        assertThat(d.deciding()).containsExactly("lockoutSafetyCheck");
        assertThat(d.error()).isEqualTo(KmsError.MalformedPolicyDocument);
        assertThat(d.policyCheck().error().getMessage())
                .isEqualTo("LockoutSafetyCheck: The new key policy will not allow you to update the key policy in the future.");
        assertThat(d.policyCheck().violation().failure()).isEqualTo(PolicyFailure.LockoutSafetyCheck);
        assertThat(d.policyCheck().lockout().deciding()).containsExactly("implicit");
    }

    @Test
    void l2DelegatingPolicyPassesForACallerWithAnIdentityAllow() {
        Decision d = check(put(Fixtures.alice(), Fixtures.facts().build(), PUT_POLICY), DELEGATE_ONLY);
        assertThat(d.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(d.deciding()).containsExactly("keyPolicy#Admin");
        assertThat(d.policyCheck().document().refs()).containsExactly("keyPolicy#Root");
        assertThat(d.policyCheck().lockout().deciding()).containsExactlyInAnyOrder("keyPolicy#Root", "identity:put#Put");
    }

    @Test
    void l2TheSimulationIgnoresGrants() {
        var grant = io.kmsd.policy.grants.Grant.simple("g", Fixtures.KEY_ARN, Fixtures.ALICE,
                java.util.Set.of("CreateGrant"), "111122223333");
        AuthorizationRequest r = AuthorizationRequest.builder().caller(new Caller(Fixtures.alice(), List.of()))
                .action("kms:PutKeyPolicy").key(Fixtures.key(ADMIN_DIRECT)).facts(Fixtures.facts().build())
                .grants(List.of(grant)).build();
        assertThat(check(r, DELEGATE_ONLY).outcome()).isEqualTo(Outcome.LOCKOUT);
    }

    @Test
    void l3BypassSkipsTheCheckAndIsVisibleToPolicies() {
        Decision d = check(put(Fixtures.alice(), Fixtures.facts().bypassPolicyLockoutSafetyCheck(true).build()),
                DELEGATE_ONLY);
        assertThat(d.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(d.policyCheck().bypassed()).isTrue();
        assertThat(d.policyCheck().lockout()).isNull();
        PolicyDocument forbidBypass = keyPolicy("{'Version':'2012-10-17','Statement':[{'Sid':'Admin','Effect':'Allow',"
                + "'Principal':{'AWS':'arn:aws:iam::111122223333:user/alice'},'Action':'kms:*','Resource':'*'},"
                + "{'Sid':'NoBypass','Effect':'Deny','Principal':'*','Action':'kms:PutKeyPolicy','Resource':'*',"
                + "'Condition':{'Bool':{'kms:BypassPolicyLockoutSafetyCheck':'true'}}}]}");
        AuthorizationRequest r = AuthorizationRequest.builder().caller(new Caller(Fixtures.alice(), List.of()))
                .action("kms:PutKeyPolicy").key(Fixtures.key(forbidBypass))
                .facts(Fixtures.facts().bypassPolicyLockoutSafetyCheck(true).build()).build();
        Decision denied = check(r, DELEGATE_ONLY);
        assertThat(denied.deciding()).containsExactly("keyPolicy#NoBypass");
        assertThat(denied.policyCheck()).as("L4: access is checked before the policy").isNull();
    }

    @Test
    void l3NullConditionAllowsOnlyRequestsThatOmitTheParameterAndTheSimulationDropsIt() {
        String newPolicy = json("{'Version':'2012-10-17','Statement':[{'Sid':'NoBypassParam','Effect':'Allow',"
                + "'Principal':{'AWS':'arn:aws:iam::111122223333:user/alice'},'Action':'kms:*','Resource':'*',"
                + "'Condition':{'Null':{'kms:BypassPolicyLockoutSafetyCheck':'true'}}}]}");
        Decision explicitFalse = check(put(Fixtures.alice(), Fixtures.facts().bypassPolicyLockoutSafetyCheck(false)
                .build()), newPolicy);
        assertThat(explicitFalse.outcome()).as("the simulation drops the key, so Null holds").isEqualTo(Outcome.ALLOW);
    }

    @Test
    void l4MalformedPolicyIsReportedAfterAuthorizationAndBeforeLockout() {
        Decision d = check(put(Fixtures.alice(), Fixtures.facts().build()), "{\"Version\":\"2012-10-17\"}");
        assertThat(d.outcome()).isEqualTo(Outcome.MALFORMED);
        assertThat(d.deciding()).containsExactly("malformedPolicy");
        assertThat(d.error()).isEqualTo(KmsError.MalformedPolicyDocument);
        assertThat(d.policyCheck().lockout()).isNull();
        Decision denied = check(put(Fixtures.bob(), Fixtures.facts().build()), "not json");
        assertThat(denied.outcome()).as("AccessDenied first").isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void g13OversizedPolicyIsALimitExceededError() {
        String big = DELEGATE_ONLY.replace("\"Root\"", "\"" + "x".repeat(40000) + "\"");
        Decision d = check(put(Fixtures.alice(), Fixtures.facts().build()), big);
        assertThat(d.outcome()).isEqualTo(Outcome.MALFORMED);
        assertThat(d.error()).isEqualTo(KmsError.LimitExceeded);
    }

    @Test
    void g8PrincipalNotFoundUsesTheDirectory() {
        IdentityDirectory dir = IdentityDirectory.of(List.of("111122223333"), List.of(Fixtures.ALICE));
        String withMallory = json("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':{'AWS':"
                + "'arn:aws:iam::111122223333:user/mallory'},'Action':'kms:*','Resource':'*'}]}");
        AuthorizationRequest r = put(Fixtures.alice(), Fixtures.facts().build());
        Decision d = KeyPolicyChange.check(EVALUATOR, r, withMallory, dir, r.key());
        assertThat(d.policyCheck().violation().failure()).isEqualTo(PolicyFailure.PrincipalNotFound);
    }

    @Test
    void l1CreateKeyWithAPolicyRunsTheLockoutCheckOnTheNewKey() {
        NamedPolicy createOnly = identity("create", "{'Version':'2012-10-17','Statement':[{'Sid':'Create',"
                + "'Effect':'Allow','Action':'kms:CreateKey','Resource':'*'}]}");
        AuthorizationRequest r = AuthorizationRequest.builder().caller(new Caller(Fixtures.alice(), List.of(createOnly)))
                .action("kms:CreateKey").facts(Fixtures.facts().build()).build();
        KeyFacts target = KeyFacts.of(Fixtures.KEY_ARN, null, KeyAttributes.DEFAULT);
        Decision locked = KeyPolicyChange.check(EVALUATOR, r, DELEGATE_ONLY, null, target);
        assertThat(locked.outcome()).as("no identity allow for PutKeyPolicy").isEqualTo(Outcome.LOCKOUT);
        String direct = json("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':{'AWS':"
                + "'arn:aws:iam::111122223333:user/alice'},'Action':'kms:PutKeyPolicy','Resource':'*',"
                + "'Condition':{'StringEquals':{'kms:CallerAccount':'111122223333'}}}]}");
        Decision ok = KeyPolicyChange.check(EVALUATOR, r, direct, null, target);
        assertThat(ok.outcome()).as("the simulated PutKeyPolicy has key-resource context keys").isEqualTo(Outcome.ALLOW);
        assertThat(ok.deciding()).containsExactly("identity:create#Create");
    }
}
