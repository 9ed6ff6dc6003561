package io.kmsd.policy.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmsd.policy.Fixtures;
import io.kmsd.policy.actions.Action;
import io.kmsd.policy.condition.ConditionOperator;
import io.kmsd.policy.condition.ContextEntry;
import io.kmsd.policy.condition.RequestContext;
import io.kmsd.policy.grants.Grant;
import io.kmsd.policy.grants.GrantState;
import io.kmsd.policy.principal.Principal;
import io.kmsd.policy.principal.PrincipalType;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The engine's value types validate themselves (STYLE.md): what they must refuse. */
class ValuesTest {

    @Test
    void principalsRefuseInconsistentFacts() {
        assertThatThrownBy(() -> Principal.user(Fixtures.ALICE, "1234")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Principal.of("arn:aws:iam::111122223333:root", PrincipalType.Root, "444455556666",
                null, null, null, null)).hasMessageContaining("root caller");
        assertThatThrownBy(() -> Principal.of("arn:aws:iam::111122223333:user/x", PrincipalType.AssumedRole,
                Fixtures.ACCOUNT, null, null, null, null)).hasMessageContaining("assumed-role");
        assertThatThrownBy(() -> Principal.of(null, PrincipalType.User, Fixtures.ACCOUNT, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sessionsDeriveTheirRoleAndChain() {
        Principal p = Principal.of("arn:aws:sts::111122223333:assumed-role/AppRole/s1", PrincipalType.AssumedRole,
                Fixtures.ACCOUNT, null, null, null, null);
        assertThat(p.roleArn()).isEqualTo(Fixtures.APP_ROLE);
        assertThat(p.chain()).containsExactly("arn:aws:iam::111122223333:root", Fixtures.APP_ROLE, p.arn());
        assertThat(p.sessionName()).isEqualTo("s1");
        assertThat(Principal.service("logs.amazonaws.com").chain()).containsExactly("logs.amazonaws.com");
    }

    @Test
    void callersOfRootOrServiceCarryNoIdentityPolicies() {
        var policy = Fixtures.identity("p", "{'Version':'2012-10-17','Statement':{'Effect':'Allow','Action':'kms:*',"
                + "'Resource':'*'}}");
        assertThatThrownBy(() -> Caller.of(Principal.root(Fixtures.ACCOUNT), policy))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Caller.of(Principal.service("logs.amazonaws.com"), policy))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void grantsRefuseMissingFieldsAndUngrantableOperations() {
        assertThatThrownBy(() -> Grant.simple("", Fixtures.KEY_ARN, Fixtures.BOB, Set.of("Decrypt"), "1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Grant.simple("g", Fixtures.KEY_ARN, Fixtures.BOB, Set.of(), "1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Grant.simple("g", Fixtures.KEY_ARN, Fixtures.BOB, Set.of("PutKeyPolicy"), "1"))
                .hasMessageContaining("cannot be granted");
        Grant g = new Grant("g", Fixtures.KEY_ARN, Fixtures.BOB, null, Set.of("Decrypt"), null,
                "arn:aws:iam::111122223333:root", null, true, null);
        assertThat(g.state()).isEqualTo(GrantState.ACTIVE);
        assertThat(g.issuingAccountId()).isEqualTo(Fixtures.ACCOUNT);
    }

    @Test
    void keyFactsNeedAKeyArnAndAKeyPolicy() {
        assertThatThrownBy(() -> KeyFacts.of("arn:aws:kms:us-east-1:111122223333:alias/app", null, null))
                .isInstanceOf(IllegalArgumentException.class);
        var identityDoc = Fixtures.identity("p", "{'Version':'2012-10-17','Statement':{'Effect':'Allow',"
                + "'Action':'kms:*','Resource':'*'}}").document();
        assertThatThrownBy(() -> KeyFacts.of(Fixtures.KEY_ARN, identityDoc, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeyAttributes(null, null, null, false, "PRIMARY", null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void actionsNeedAServicePrefix() {
        assertThatThrownBy(() -> Action.of("Decrypt")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Action.of(":Decrypt")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Action.of("kms:Decrypt")).isSameAs(Action.kms("Decrypt"));
        assertThat(Action.of("s3:GetObject").isKms()).isFalse();
    }

    @Test
    void operatorsParseExactly() {
        assertThat(ConditionOperator.parse("ForAnyValue:StringLikeIfExists")).get().satisfies(o -> {
            assertThat(o.qualifier()).isEqualTo(ConditionOperator.SetQualifier.FOR_ANY_VALUE);
            assertThat(o.ifExists()).isTrue();
        });
        assertThat(ConditionOperator.parse("IfExists")).isEmpty();
        assertThat(ConditionOperator.parse("ForAllValues:NullIfExists")).isEmpty();
        assertThat(ConditionOperator.parse(null)).isEmpty();
    }

    @Test
    void contextsAreCaseInsensitiveSingleUseAndDropEmptyLists() {
        RequestContext.Builder b = RequestContext.builder().put("aws:SourceIp", "10.0.0.1", "s")
                .putAll("aws:TagKeys", List.of(), "s");
        RequestContext c = b.build();
        assertThat(c.lookup("AWS:SOURCEIP").first()).isEqualTo("10.0.0.1");
        assertThat(c.lookup("aws:TagKeys")).isNull();
        assertThatThrownBy(() -> b.put("x:y", "z", "s")).isInstanceOf(IllegalStateException.class);
        assertThat(c.without("aws:sourceip").lookup("aws:SourceIp")).isNull();
        assertThatThrownBy(() -> new ContextEntry("k", List.of(), false, "s")).isInstanceOf(IllegalArgumentException.class);
    }
}
