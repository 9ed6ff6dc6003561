package io.kmsd.policy.eval;

import static io.kmsd.policy.Fixtures.KEY_ARN;
import static io.kmsd.policy.Fixtures.decide;
import static io.kmsd.policy.Fixtures.identity;
import static io.kmsd.policy.Fixtures.keyPolicy;
import static io.kmsd.policy.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmsd.policy.Fixtures;
import io.kmsd.policy.document.NamedPolicy;
import io.kmsd.policy.document.PolicyDocument;
import io.kmsd.policy.grants.Grant;
import io.kmsd.policy.grants.GrantConstraint;
import io.kmsd.policy.grants.GrantRequest;
import io.kmsd.policy.grants.GrantState;
import io.kmsd.policy.principal.Principal;
import io.kmsd.policy.request.AuthorizationRequest;
import io.kmsd.policy.request.RequestFacts;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** key-policy-semantics E12–E16 and E19: when grants allow, and RetireGrant. */
class GrantMatcherTest {
    static final PolicyDocument NOBODY = keyPolicy("{'Version':'2012-10-17','Statement':[{'Sid':'Admins','Effect':"
            + "'Allow','Principal':{'AWS':'arn:aws:iam::111122223333:role/KeyAdminRole'},'Action':'kms:*','Resource':'*'}]}");
    static final String ROOT = "arn:aws:iam::111122223333:root";

    private static Grant grant(String id, String grantee, Set<String> ops) {
        return Grant.simple(id, KEY_ARN, grantee, ops, ROOT);
    }

    private static Grant withConstraint(GrantConstraint c) {
        return new Grant("g-c", KEY_ARN, Fixtures.BOB, null, Set.of("Decrypt", "DescribeKey", "CreateGrant"), c, ROOT,
                GrantState.ACTIVE, true, null);
    }

    private static Decision decideWith(Principal p, String action, RequestFacts f, Grant... grants) {
        return decide(request(p, action, NOBODY, f, List.of(grants)));
    }

    private static Decision decideWith(Principal p, String action, Grant... grants) {
        return decideWith(p, action, Fixtures.facts().build(), grants);
    }

    @Test
    void e12GrantAloneAllowsItsGrantee() {
        assertThat(decideWith(Fixtures.bob(), "kms:Decrypt", grant("g1", Fixtures.BOB, Set.of("Decrypt"))).deciding())
                .containsExactly("grant:g1");
    }

    @Test
    void e12FailuresInOrder() {
        AuthorizationRequest r = request(Fixtures.bob(), "kms:Encrypt", NOBODY);
        Grant retired = new Grant("g", KEY_ARN, Fixtures.BOB, null, Set.of("Decrypt"), null, ROOT, GrantState.RETIRED,
                false, null);
        assertThat(GrantMatcher.firstFailure(retired, r, false)).isEqualTo(GrantFailure.State);
        Grant hidden = new Grant("g", KEY_ARN, Fixtures.BOB, null, Set.of("Decrypt"), null, ROOT, GrantState.ACTIVE,
                false, "tok");
        assertThat(GrantMatcher.firstFailure(hidden, r, false)).isEqualTo(GrantFailure.Propagation);
        Grant otherKey = Grant.simple("g", Fixtures.OTHER_KEY_ARN, Fixtures.BOB, Set.of("Decrypt"), ROOT);
        assertThat(GrantMatcher.firstFailure(otherKey, r, false)).isEqualTo(GrantFailure.Key);
        assertThat(GrantMatcher.firstFailure(grant("g", Fixtures.BOB, Set.of("Decrypt")), r, false))
                .isEqualTo(GrantFailure.Operation);
        assertThat(GrantMatcher.firstFailure(grant("g", Fixtures.ALICE, Set.of("Encrypt")), r, false))
                .isEqualTo(GrantFailure.Grantee);
    }

    @Test
    void e12RoleGranteeMatchesItsSessionsAndRootGranteeItsRoot() {
        assertThat(decideWith(Fixtures.appSession(), "kms:Decrypt", grant("g", Fixtures.APP_ROLE, Set.of("Decrypt")))
                .allowed()).isTrue();
        assertThat(decideWith(Fixtures.root(Fixtures.ACCOUNT), "kms:Decrypt", grant("g", ROOT, Set.of("Decrypt")))
                .allowed()).isTrue();
        assertThat(decideWith(Fixtures.bob(), "kms:Decrypt", grant("g", ROOT, Set.of("Decrypt"))).allowed())
                .as("A2: other principals of a root grantee need an identity allow").isFalse();
        NamedPolicy iam = identity("iam", "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'kms:Decrypt',"
                + "'Resource':'*'}]}");
        Decision withIam = decide(request(Fixtures.bob(), "kms:Decrypt", NOBODY, Fixtures.facts().build(),
                List.of(grant("g", "111122223333", Set.of("Decrypt"))), iam));
        assertThat(withIam.deciding()).containsExactly("grant:g");
    }

    @Test
    void e12GrantsNeverAllowNonGrantableOperations() {
        assertThatThrownBy(() -> grant("g", Fixtures.BOB, Set.of("RevokeGrant"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(decideWith(Fixtures.bob(), "kms:ListGrants", grant("g", Fixtures.BOB, Set.of("Decrypt", "CreateGrant")))
                .allowed()).as("E17").isFalse();
    }

    @Test
    void e12CrossAccountGranteeNeedsNoIdentityPolicy() {
        Decision d = decideWith(Fixtures.carol(), "kms:Decrypt", grant("g", Fixtures.CAROL, Set.of("Decrypt")));
        assertThat(d.path()).isEqualTo(Path.CROSS_ACCOUNT);
        assertThat(d.deciding()).containsExactly("grant:g");
    }

    @Test
    void e13SubsetAllowsExtraPairsKeysIgnoreCaseValuesDoNot() {
        Grant subset = withConstraint(GrantConstraint.subsetOf(Map.of("Dept", "IT")));
        assertThat(decideWith(Fixtures.bob(), "kms:Decrypt", Fixtures.facts().encryptionContext(
                Map.of("dept", "IT", "x", "y")).build(), subset).allowed()).isTrue();
        assertThat(decideWith(Fixtures.bob(), "kms:Decrypt", Fixtures.facts().encryptionContext(
                Map.of("Dept", "it")).build(), subset).allowed()).isFalse();
        assertThat(decideWith(Fixtures.bob(), "kms:Decrypt", subset).allowed()).as("empty context").isFalse();
    }

    @Test
    void e13EqualsNeedsExactlyThePairs() {
        Grant equals = withConstraint(GrantConstraint.equalsContext(Map.of("Dept", "IT")));
        assertThat(decideWith(Fixtures.bob(), "kms:Decrypt", Fixtures.facts().encryptionContext(
                Map.of("DEPT", "IT")).build(), equals).allowed()).isTrue();
        assertThat(decideWith(Fixtures.bob(), "kms:Decrypt", Fixtures.facts().encryptionContext(
                Map.of("Dept", "IT", "x", "y")).build(), equals).allowed()).isFalse();
    }

    @Test
    void e13ConstraintsAreIgnoredForOperationsWithoutAContext() {
        Grant equals = withConstraint(GrantConstraint.equalsContext(Map.of("Dept", "IT")));
        assertThat(decideWith(Fixtures.bob(), "kms:DescribeKey", equals).allowed()).isTrue();
    }

    @Test
    void e14ChildGrantsMustStayWithinTheParent() {
        Grant parent = withConstraint(GrantConstraint.subsetOf(Map.of("Dept", "IT")));
        assertThat(createChild(parent, List.of("Decrypt"), GrantConstraint.subsetOf(Map.of("Dept", "IT", "a", "b"))))
                .isTrue();
        assertThat(createChild(parent, List.of("Decrypt"), GrantConstraint.equalsContext(Map.of("dept", "IT", "a", "b"))))
                .isTrue();
        assertThat(createChild(parent, List.of("Decrypt", "Encrypt"), GrantConstraint.subsetOf(Map.of("Dept", "IT"))))
                .as("Encrypt not in parent").isFalse();
        assertThat(createChild(parent, List.of("Decrypt"), null)).as("no constraint is broader").isFalse();
        assertThat(createChild(parent, List.of("Decrypt"), GrantConstraint.subsetOf(Map.of("Dept", "HR")))).isFalse();
        Grant exact = withConstraint(GrantConstraint.equalsContext(Map.of("Dept", "IT")));
        assertThat(createChild(exact, List.of("Decrypt"), GrantConstraint.subsetOf(Map.of("Dept", "IT")))).isFalse();
        assertThat(createChild(exact, List.of("Decrypt"), GrantConstraint.equalsContext(Map.of("Dept", "IT")))).isTrue();
        Grant free = withConstraint(null);
        assertThat(createChild(free, List.of("DescribeKey"), null)).isTrue();
    }

    private static boolean createChild(Grant parent, List<String> ops, GrantConstraint c) {
        RequestFacts f = Fixtures.facts().grant(new GrantRequest(Fixtures.ALICE, null, ops, c)).build();
        return decideWith(Fixtures.bob(), "kms:CreateGrant", f, parent).allowed();
    }

    @Test
    void e15UnpropagatedGrantsNeedTheirTokenAndTokensNeverReviveOrTransfer() {
        Grant fresh = new Grant("g", KEY_ARN, Fixtures.BOB, null, Set.of("Decrypt"), null, ROOT, GrantState.ACTIVE,
                false, "tok-1");
        RequestFacts withToken = Fixtures.facts().grantTokens(List.of("tok-1")).build();
        assertThat(decideWith(Fixtures.bob(), "kms:Decrypt", withToken, fresh).allowed()).isTrue();
        assertThat(decideWith(Fixtures.bob(), "kms:Decrypt", fresh).allowed()).isFalse();
        assertThat(decideWith(Fixtures.alice(), "kms:Decrypt", withToken, fresh).allowed()).as("non-grantee").isFalse();
        Grant revoked = new Grant("g", KEY_ARN, Fixtures.BOB, null, Set.of("Decrypt"), null, ROOT, GrantState.REVOKED,
                false, "tok-1");
        assertThat(decideWith(Fixtures.bob(), "kms:Decrypt", withToken, revoked).allowed()).isFalse();
    }

    @Test
    void e16RetireGrantPaths() {
        Grant g = new Grant("g-r", KEY_ARN, Fixtures.BOB, Fixtures.ALICE, Set.of("Decrypt"), null, ROOT,
                GrantState.ACTIVE, true, null);
        RequestFacts target = Fixtures.facts().targetGrantId("g-r").build();
        assertThat(decideWith(Fixtures.alice(), "kms:RetireGrant", target, g).deciding())
                .containsExactly("retire:retiringPrincipal:g-r");
        assertThat(decideWith(Fixtures.bob(), "kms:RetireGrant", target, g).allowed())
                .as("grant lacks RetireGrant").isFalse();
        assertThat(decideWith(Fixtures.root(Fixtures.ACCOUNT), "kms:RetireGrant", target, g).deciding())
                .containsExactly("retire:issuingAccount:g-r");
        NamedPolicy iam = identity("iam", "{'Version':'2012-10-17','Statement':[{'Effect':'Allow',"
                + "'Action':'kms:RetireGrant','Resource':'*'}]}");
        Decision viaIam = decide(request(Fixtures.appSession(), "kms:RetireGrant", NOBODY, target, List.of(g), iam));
        assertThat(viaIam.deciding()).containsExactly("retire:issuingAccount:g-r");
        assertThat(decideWith(Fixtures.carol(), "kms:RetireGrant", target, g).allowed()).isFalse();
    }

    @Test
    void e16RetireByTokenAndOnlyActiveGrants() {
        Grant g = new Grant("g-t", KEY_ARN, Fixtures.BOB, null, Set.of("RetireGrant"), null, ROOT, GrantState.ACTIVE,
                false, "tok-9");
        assertThat(decideWith(Fixtures.bob(), "kms:RetireGrant", Fixtures.facts().grantTokens(List.of("tok-9")).build(), g)
                .deciding()).containsExactly("retire:grantee:g-t");
        Grant retired = new Grant("g-t", KEY_ARN, Fixtures.BOB, null, Set.of("RetireGrant"), null, ROOT,
                GrantState.RETIRED, true, null);
        assertThat(decideWith(Fixtures.bob(), "kms:RetireGrant", Fixtures.facts().targetGrantId("g-t").build(), retired)
                .allowed()).isFalse();
    }

    @Test
    void e19KeyPolicyAllowForRetireGrantGrantsNothing() {
        PolicyDocument kp = keyPolicy("{'Version':'2012-10-17','Statement':[{'Sid':'Retire','Effect':'Allow',"
                + "'Principal':{'AWS':'arn:aws:iam::111122223333:user/alice'},'Action':'kms:RetireGrant','Resource':'*'}]}");
        Decision d = decide(request(Fixtures.alice(), "kms:RetireGrant", kp,
                Fixtures.facts().targetGrantId("g").build(), List.of(grant("g", Fixtures.BOB, Set.of("Decrypt")))));
        assertThat(d.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(d.evidence().keyDirect()).containsExactly("keyPolicy#Retire");
    }

    @Test
    void e6KeyPolicyDenyAppliesToRetireGrant() {
        PolicyDocument kp = keyPolicy("{'Version':'2012-10-17','Statement':[{'Sid':'NoRetire','Effect':'Deny',"
                + "'Principal':'*','Action':'kms:RetireGrant','Resource':'*'}]}");
        Grant g = new Grant("g", KEY_ARN, Fixtures.BOB, Fixtures.BOB, Set.of("RetireGrant"), null, ROOT,
                GrantState.ACTIVE, true, null);
        Decision d = decide(request(Fixtures.bob(), "kms:RetireGrant", kp, Fixtures.facts().targetGrantId("g").build(),
                List.of(g)));
        assertThat(d.deciding()).containsExactly("keyPolicy#NoRetire");
    }
}
