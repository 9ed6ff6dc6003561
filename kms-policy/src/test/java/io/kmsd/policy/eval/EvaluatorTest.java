package io.kmsd.policy.eval;

import static io.kmsd.policy.Fixtures.ACCOUNT;
import static io.kmsd.policy.Fixtures.decide;
import static io.kmsd.policy.Fixtures.identity;
import static io.kmsd.policy.Fixtures.keyPolicy;
import static io.kmsd.policy.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmsd.policy.Fixtures;
import io.kmsd.policy.document.NamedPolicy;
import io.kmsd.policy.document.PolicyDocument;
import io.kmsd.policy.principal.Principal;
import io.kmsd.policy.request.AuthorizationRequest;
import io.kmsd.policy.request.Caller;
import java.util.List;
import org.junit.jupiter.api.Test;

/** key-policy-semantics E1–E11, E17–E20 through the evaluator (grants and RetireGrant: GrantMatcherTest). */
class EvaluatorTest {
    static final PolicyDocument DEFAULT = keyPolicy("{'Version':'2012-10-17','Statement':[{'Sid':'Root',"
            + "'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::111122223333:root'},'Action':'kms:*','Resource':'*'}]}");
    static final NamedPolicy ALL_KMS = identity("all", "{'Version':'2012-10-17','Statement':[{'Sid':'Kms',"
            + "'Effect':'Allow','Action':'kms:*','Resource':'*'}]}");

    @Test
    void e7IdentityAllowAloneNeverOpensAKey() {
        PolicyDocument onlyBob = keyPolicy("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':"
                + "{'AWS':'arn:aws:iam::111122223333:user/bob'},'Action':'kms:*','Resource':'*'}]}");
        Decision d = decide(request(Fixtures.alice(), "kms:Decrypt", onlyBob, ALL_KMS));
        assertThat(d.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(d.deciding()).containsExactly("implicit");
        assertThat(d.evidence().identity()).containsExactly("identity:all#Kms");
    }

    @Test
    void e7DelegationNeedsBothSidesAndBothAreDeciding() {
        Decision d = decide(request(Fixtures.alice(), "kms:Encrypt", DEFAULT, ALL_KMS));
        assertThat(d.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(d.path()).isEqualTo(Path.SAME_ACCOUNT);
        assertThat(d.deciding()).containsExactlyInAnyOrder("keyPolicy#Root", "identity:all#Kms");
        assertThat(decide(request(Fixtures.alice(), "kms:Encrypt", DEFAULT)).outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void e7DelegatingStatementCapsWhatIamCanGrant() {
        PolicyDocument onlyDescribe = keyPolicy("{'Version':'2012-10-17','Statement':[{'Sid':'Root','Effect':'Allow',"
                + "'Principal':{'AWS':'111122223333'},'Action':'kms:Describe*','Resource':'*'}]}");
        assertThat(decide(request(Fixtures.alice(), "kms:Decrypt", onlyDescribe, ALL_KMS)).allowed()).isFalse();
        assertThat(decide(request(Fixtures.alice(), "kms:DescribeKey", onlyDescribe, ALL_KMS)).allowed()).isTrue();
    }

    @Test
    void e4PrincipalStarIsDirectForEveryone() {
        PolicyDocument star = keyPolicy("{'Version':'2012-10-17','Statement':[{'Sid':'Any','Effect':'Allow',"
                + "'Principal':'*','Action':'kms:Encrypt','Resource':'*'}]}");
        assertThat(decide(request(Fixtures.bob(), "kms:Encrypt", star)).deciding()).containsExactly("keyPolicy#Any");
        assertThat(decide(request(Principal.service("logs.amazonaws.com"), "kms:Encrypt", star)).allowed()).isTrue();
    }

    @Test
    void e4AwsStarDoesNotMatchServicePrincipals() {
        PolicyDocument awsStar = keyPolicy("{'Version':'2012-10-17','Statement':[{'Effect':'Allow',"
                + "'Principal':{'AWS':'*'},'Action':'kms:Encrypt','Resource':'*'}]}");
        assertThat(decide(request(Principal.service("logs.amazonaws.com"), "kms:Encrypt", awsStar)).allowed()).isFalse();
        assertThat(decide(request(Fixtures.federated(), "kms:Encrypt", awsStar)).allowed()).isTrue();
    }

    @Test
    void e4ArnComparisonIsCaseSensitive() {
        PolicyDocument upper = keyPolicy("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':"
                + "{'AWS':'arn:aws:iam::111122223333:user/Alice'},'Action':'kms:*','Resource':'*'}]}");
        assertThat(decide(request(Fixtures.alice(), "kms:Encrypt", upper)).allowed()).isFalse();
    }

    @Test
    void e4RoleArnWithPathMustMatchTheSessionsRoleArn() {
        PolicyDocument withPath = keyPolicy("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':"
                + "{'AWS':'arn:aws:iam::111122223333:role/team/AppRole'},'Action':'kms:*','Resource':'*'}]}");
        assertThat(decide(request(Fixtures.appSession(), "kms:Encrypt", withPath)).allowed()).isFalse();
        Principal pathed = Principal.session(Fixtures.APP_SESSION, "arn:aws:iam::111122223333:role/team/AppRole", ACCOUNT);
        assertThat(decide(request(pathed, "kms:Encrypt", withPath)).allowed()).isTrue();
    }

    @Test
    void e5NotPrincipalNeedsTheWholeChainListed() {
        String deny = "{'Sid':'D','Effect':'Deny','NotPrincipal':{'AWS':%s},'Action':'kms:*','Resource':'*'}";
        String allow = "{'Sid':'A','Effect':'Allow','Principal':'*','Action':'kms:*','Resource':'*'}";
        PolicyDocument roleAndAccount = keyPolicy("{'Version':'2012-10-17','Statement':[" + allow + ","
                + String.format(deny, "['arn:aws:iam::111122223333:role/AppRole','111122223333']") + "]}");
        assertThat(decide(request(Fixtures.appSession(), "kms:Decrypt", roleAndAccount)).deciding())
                .as("session ARN not listed").containsExactly("keyPolicy#D");
        PolicyDocument full = keyPolicy("{'Version':'2012-10-17','Statement':[" + allow + "," + String.format(deny,
                "['arn:aws:iam::111122223333:role/AppRole','111122223333','" + Fixtures.APP_SESSION + "']") + "]}");
        assertThat(decide(request(Fixtures.appSession(), "kms:Decrypt", full)).deciding()).containsExactly("keyPolicy#A");
        PolicyDocument accountOnly = keyPolicy("{'Version':'2012-10-17','Statement':[" + allow + ","
                + String.format(deny, "'111122223333'") + "]}");
        assertThat(decide(request(Fixtures.root(ACCOUNT), "kms:Decrypt", accountOnly)).allowed())
                .as("root's chain is only the account").isTrue();
    }

    @Test
    void e6ExplicitDenyWinsListingEveryApplicableDenyKeyPolicyFirst() {
        PolicyDocument kp = keyPolicy("{'Version':'2012-10-17','Statement':[{'Sid':'Root','Effect':'Allow','Principal':"
                + "{'AWS':'111122223333'},'Action':'kms:*','Resource':'*'},{'Sid':'NoDecrypt','Effect':'Deny',"
                + "'Principal':{'AWS':'111122223333'},'Action':'kms:Decrypt','Resource':'*'}]}");
        NamedPolicy guard = identity("guard", "{'Version':'2012-10-17','Statement':[{'Sid':'G','Effect':'Deny',"
                + "'Action':'kms:*','Resource':'*'}]}");
        Decision d = decide(request(Fixtures.alice(), "kms:Decrypt", kp, ALL_KMS, guard));
        assertThat(d.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
        assertThat(d.deciding()).containsExactly("keyPolicy#NoDecrypt", "identity:guard#G");
        assertThat(decide(request(Fixtures.root(ACCOUNT), "kms:Decrypt", kp)).outcome())
                .as("account principal in a Deny matches root too").isEqualTo(Outcome.EXPLICIT_DENY);
    }

    @Test
    void e2CrossAccountGateBlocksAdministrativeActionsBeforeAnyPolicy() {
        PolicyDocument open = keyPolicy("{'Version':'2012-10-17','Statement':[{'Effect':'Deny','Principal':'*',"
                + "'Action':'kms:*','Resource':'*'}]}");
        for (String action : List.of("kms:PutKeyPolicy", "kms:GetKeyPolicy", "kms:DisableKey", "kms:TagResource",
                "kms:CreateAlias", "kms:ScheduleKeyDeletion", "s3:GetObject")) {
            Decision d = decide(request(Fixtures.carol(), action, open));
            assertThat(d.outcome()).as(action).isEqualTo(Outcome.CROSS_ACCOUNT_UNSUPPORTED);
            assertThat(d.deciding()).containsExactly("crossAccountUnsupported");
        }
    }

    @Test
    void e8CrossAccountNeedsBothSidesAndListsEveryApplicableAllow() {
        PolicyDocument kp = keyPolicy("{'Version':'2012-10-17','Statement':[{'Sid':'Partner','Effect':'Allow',"
                + "'Principal':{'AWS':'444455556666'},'Action':'kms:Decrypt','Resource':'*'},{'Sid':'Carol',"
                + "'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::444455556666:user/carol'},'Action':'kms:*',"
                + "'Resource':'*'}]}");
        NamedPolicy carolKms = identity("carol-kms", "{'Version':'2012-10-17','Statement':[{'Sid':'K','Effect':'Allow',"
                + "'Action':'kms:Decrypt','Resource':'arn:aws:kms:*:111122223333:key/*'}]}");
        Decision d = decide(request(Fixtures.carol(), "kms:Decrypt", kp, carolKms));
        assertThat(d.path()).isEqualTo(Path.CROSS_ACCOUNT);
        assertThat(d.deciding()).containsExactlyInAnyOrder("keyPolicy#Partner", "keyPolicy#Carol", "identity:carol-kms#K");
        assertThat(decide(request(Fixtures.carol(), "kms:Decrypt", DEFAULT, carolKms)).outcome())
                .as("identity side alone").isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void e9ExternalRootIsIdentityAllowedImplicitly() {
        PolicyDocument kp = keyPolicy("{'Version':'2012-10-17','Statement':[{'Sid':'Partner','Effect':'Allow',"
                + "'Principal':{'AWS':'444455556666'},'Action':'kms:Encrypt','Resource':'*'}]}");
        Decision d = decide(request(Fixtures.root(Fixtures.PARTNER), "kms:Encrypt", kp));
        assertThat(d.deciding()).containsExactlyInAnyOrder("keyPolicy#Partner", "identity:root-implicit");
    }

    @Test
    void e10ServicePrincipalsNeedADirectServiceEntry() {
        PolicyDocument kp = keyPolicy("{'Version':'2012-10-17','Statement':[{'Sid':'Logs','Effect':'Allow','Principal':"
                + "{'Service':'logs.us-east-1.amazonaws.com'},'Action':'kms:Encrypt*','Resource':'*','Condition':"
                + "{'ArnLike':{'kms:EncryptionContext:aws:logs:arn':'arn:aws:logs:us-east-1:111122223333:*'}}}]}");
        Principal logs = Principal.service("logs.us-east-1.amazonaws.com");
        AuthorizationRequest ok = request(logs, "kms:Encrypt", kp, Fixtures.facts().encryptionContext(java.util.Map.of(
                "aws:logs:arn", "arn:aws:logs:us-east-1:111122223333:log-group:app")).build(), List.of());
        Decision d = decide(ok);
        assertThat(d.path()).isEqualTo(Path.SERVICE_PRINCIPAL);
        assertThat(d.deciding()).containsExactly("keyPolicy#Logs");
        assertThat(decide(request(logs, "kms:Encrypt", kp)).allowed()).as("condition needs the context").isFalse();
        assertThat(decide(request(Principal.service("logs.amazonaws.com"), "kms:Encrypt", DEFAULT)).allowed()).isFalse();
    }

    @Test
    void e18OperationsWithoutAKeyUseIdentityPoliciesOnly() {
        AuthorizationRequest listKeys = AuthorizationRequest.builder().caller(new Caller(Fixtures.alice(),
                List.of(ALL_KMS))).action("kms:ListKeys").facts(Fixtures.facts().build()).build();
        Decision d = decide(listKeys);
        assertThat(d.path()).isEqualTo(Path.IDENTITY_ONLY);
        assertThat(d.deciding()).containsExactly("identity:all#Kms");
        NamedPolicy keyScoped = identity("scoped", "{'Version':'2012-10-17','Statement':[{'Effect':'Allow',"
                + "'Action':'kms:CreateKey','Resource':'arn:aws:kms:*:111122223333:key/*'}]}");
        AuthorizationRequest create = AuthorizationRequest.builder().caller(new Caller(Fixtures.alice(),
                List.of(keyScoped))).action("kms:CreateKey").facts(Fixtures.facts().build()).build();
        assertThat(decide(create).allowed()).as("only Resource * covers key-less actions").isFalse();
        AuthorizationRequest root = AuthorizationRequest.builder().caller(new Caller(Fixtures.root(ACCOUNT), List.of()))
                .action("kms:CreateKey").facts(Fixtures.facts().build()).build();
        assertThat(decide(root).deciding()).containsExactly("identity:root-implicit");
    }

    @Test
    void e1AliasArnChecksAreIdentityOnly() {
        NamedPolicy aliases = identity("aliases", "{'Version':'2012-10-17','Statement':[{'Sid':'A','Effect':'Allow',"
                + "'Action':'kms:CreateAlias','Resource':'arn:aws:kms:us-east-1:111122223333:alias/app-*'}]}");
        AuthorizationRequest r = AuthorizationRequest.builder().caller(new Caller(Fixtures.alice(), List.of(aliases)))
                .action("kms:CreateAlias").resource("arn:aws:kms:us-east-1:111122223333:alias/app-1")
                .facts(Fixtures.facts().build()).build();
        assertThat(decide(r).deciding()).containsExactly("identity:aliases#A");
    }

    @Test
    void e3InertStatementsNeverApply() {
        PolicyDocument inert = keyPolicy("{'Version':'2012-10-17','Statement':[{'Effect':'Deny','Principal':'*',"
                + "'Action':'kms:*'},{'Sid':'A','Effect':'Allow','Principal':'*','Action':'kms:*','Resource':'*'}]}");
        assertThat(decide(request(Fixtures.alice(), "kms:Decrypt", inert)).deciding()).containsExactly("keyPolicy#A");
    }

    @Test
    void e3NotResourceAndNotActionInIdentityPolicies() {
        NamedPolicy exceptOther = identity("x", "{'Version':'2012-10-17','Statement':[{'Sid':'A','Effect':'Allow',"
                + "'NotAction':['kms:Schedule*','kms:Put*'],'NotResource':'" + Fixtures.OTHER_KEY_ARN + "'}]}");
        assertThat(decide(request(Fixtures.alice(), "kms:Decrypt", DEFAULT, exceptOther)).allowed()).isTrue();
        assertThat(decide(request(Fixtures.alice(), "kms:PutKeyPolicy", DEFAULT, exceptOther)).allowed()).isFalse();
    }

    @Test
    void e20StatementsWithoutSidAreReferencedByIndex() {
        PolicyDocument kp = keyPolicy("{'Version':'2012-10-17','Statement':[{'Effect':'Deny','Principal':'*',"
                + "'Action':'kms:Sign','Resource':'*'},{'Effect':'Allow','Principal':'*','Action':'kms:*','Resource':'*'}]}");
        assertThat(decide(request(Fixtures.alice(), "kms:Decrypt", kp)).deciding()).containsExactly("keyPolicy#[1]");
        NamedPolicy anon = identity("anon", "{'Version':'2012-10-17','Statement':[{'Effect':'Deny','Action':'kms:*',"
                + "'Resource':'*'}]}");
        assertThat(decide(request(Fixtures.alice(), "kms:Decrypt", kp, anon)).deciding())
                .containsExactly("identity:anon#[0]");
    }

    @Test
    void c12ResourceVariablesResolveFromTheContext() {
        NamedPolicy own = identity("own", "{'Version':'2012-10-17','Statement':[{'Sid':'Tagged','Effect':'Allow',"
                + "'Action':'kms:*','Resource':'arn:aws:kms:*:${aws:PrincipalAccount}:key/*'}]}");
        assertThat(decide(request(Fixtures.alice(), "kms:Decrypt", DEFAULT, own)).allowed()).isTrue();
        NamedPolicy unresolved = identity("u", "{'Version':'2012-10-17','Statement':[{'Effect':'Allow',"
                + "'Action':'kms:*','Resource':'arn:aws:kms:*:${aws:SourceAccount}:key/*'}]}");
        assertThat(decide(request(Fixtures.alice(), "kms:Decrypt", DEFAULT, unresolved)).allowed()).isFalse();
    }

    @Test
    void evaluationNeverThrowsOnOddRequests() {
        PolicyDocument kp = keyPolicy("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':'*',"
                + "'Action':'*','Resource':'*','Condition':{'IpAddress':{'aws:SourceIp':'bogus'},"
                + "'NumericLessThan':{'aws:username':'x'},'DateGreaterThan':{'aws:CurrentTime':'never'}}}]}");
        AuthorizationRequest r = request(Fixtures.alice(), "ec2:RunInstances", kp,
                Fixtures.facts().sourceIp("not-an-ip").build(), List.of());
        assertThat(decide(r).outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
    }
}
