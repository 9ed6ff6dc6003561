package io.kmsd.policy.request;

import static io.kmsd.policy.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmsd.policy.Fixtures;
import io.kmsd.policy.actions.Action;
import io.kmsd.policy.condition.ContextEntry;
import io.kmsd.policy.condition.RequestContext;
import io.kmsd.policy.grants.GrantConstraint;
import io.kmsd.policy.grants.GrantRequest;
import io.kmsd.policy.principal.Principal;
import io.kmsd.policy.principal.PrincipalType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** key-policy-semantics section 5 (K1–K4): which keys a request has, with which values. */
class ContextBuilderTest {
    private static final KeyFacts KEY = KeyFacts.of(Fixtures.KEY_ARN, Fixtures.keyPolicy(
            "{'Version':'2012-10-17','Statement':{'Effect':'Allow','Principal':'*','Action':'kms:*','Resource':'*'}}"),
            new KeyAttributes(null, null, null, true, "PRIMARY", List.of("alias/app"), Map.of("team", "payments")));

    private static RequestContext ctx(Principal p, String action, RequestFacts f) {
        return ContextBuilder.build(p, Action.of(action), KEY, null, f);
    }

    private static String value(RequestContext c, String key) {
        ContextEntry e = c.lookup(key);
        return e == null ? null : e.first();
    }

    @Test
    void k1PrincipalKeysOfAnIamUser() {
        Principal alice = Principal.of(Fixtures.ALICE, PrincipalType.User, Fixtures.ACCOUNT, null, "AIDAEXAMPLE",
                Map.of("team", "payments"), "o-abc123");
        RequestContext c = ctx(alice, "kms:Decrypt", Fixtures.facts().build());
        assertThat(value(c, "aws:PrincipalArn")).isEqualTo(Fixtures.ALICE);
        assertThat(value(c, "aws:PrincipalAccount")).isEqualTo(Fixtures.ACCOUNT);
        assertThat(value(c, "aws:PrincipalType")).isEqualTo("User");
        assertThat(value(c, "aws:userid")).isEqualTo("AIDAEXAMPLE");
        assertThat(value(c, "aws:username")).isEqualTo("alice");
        assertThat(value(c, "AWS:PrincipalTag/TEAM")).isEqualTo("payments");
        assertThat(value(c, "aws:PrincipalOrgID")).isEqualTo("o-abc123");
        assertThat(value(c, "aws:PrincipalIsAWSService")).isEqualTo("false");
        assertThat(value(c, "kms:CallerAccount")).isEqualTo(Fixtures.ACCOUNT);
    }

    @Test
    void k1SessionsUseTheRoleArnAndHaveNoUserName() {
        RequestContext c = ctx(Fixtures.appSession(), "kms:Decrypt", Fixtures.facts().build());
        assertThat(value(c, "aws:PrincipalArn")).isEqualTo(Fixtures.APP_ROLE);
        assertThat(value(c, "aws:PrincipalType")).isEqualTo("AssumedRole");
        assertThat(c.lookup("aws:username")).isNull();
    }

    @Test
    void k1RootFederatedAndServiceCallers() {
        RequestContext root = ctx(Fixtures.root(Fixtures.ACCOUNT), "kms:Decrypt", Fixtures.facts().build());
        assertThat(value(root, "aws:PrincipalType")).isEqualTo("Account");
        assertThat(value(root, "aws:userid")).isEqualTo(Fixtures.ACCOUNT);
        RequestContext fed = ctx(Fixtures.federated(), "kms:Decrypt", Fixtures.facts().build());
        assertThat(value(fed, "aws:userid")).isEqualTo("111122223333:dana");
        RequestContext svc = ctx(Principal.service("cloudtrail.amazonaws.com"), "kms:GenerateDataKey",
                Fixtures.facts().build());
        assertThat(svc.lookup("aws:PrincipalArn")).isNull();
        assertThat(svc.lookup("aws:PrincipalAccount")).isNull();
        assertThat(svc.lookup("kms:CallerAccount")).isNull();
        assertThat(value(svc, "aws:PrincipalIsAWSService")).isEqualTo("true");
        assertThat(value(svc, "aws:PrincipalServiceName")).isEqualTo("cloudtrail.amazonaws.com");
    }

    @Test
    void k1TimeTransportAndForwarding() {
        RequestContext direct = ctx(Fixtures.alice(), "kms:Decrypt", Fixtures.facts().build());
        assertThat(value(direct, "aws:CurrentTime")).isEqualTo("2025-06-01T12:00:00Z");
        assertThat(value(direct, "aws:EpochTime")).isEqualTo(String.valueOf(NOW.getEpochSecond()));
        assertThat(value(direct, "aws:SecureTransport")).isEqualTo("true");
        assertThat(value(direct, "aws:ViaAWSService")).isEqualTo("false");
        assertThat(direct.lookup("kms:ViaService")).as("E11: absent on direct calls").isNull();
        assertThat(direct.lookup("aws:SourceIp")).isNull();
        RequestContext via = ctx(Fixtures.alice(), "kms:Decrypt", Fixtures.facts().viaService("ebs.us-east-1.amazonaws.com")
                .secureTransport(false).sourceIp("10.0.0.1").build());
        assertThat(value(via, "kms:ViaService")).isEqualTo("ebs.us-east-1.amazonaws.com");
        assertThat(value(via, "aws:ViaAWSService")).isEqualTo("true");
        assertThat(value(via, "aws:SecureTransport")).isEqualTo("false");
        assertThat(value(via, "aws:SourceIp")).isEqualTo("10.0.0.1");
    }

    @Test
    void k1KeyTagsAndK3KeyAttributes() {
        RequestContext c = ctx(Fixtures.alice(), "kms:DescribeKey", Fixtures.facts().build());
        assertThat(value(c, "aws:ResourceTag/team")).isEqualTo("payments");
        assertThat(c.lookup("kms:ResourceAliases").values()).containsExactly("alias/app");
        assertThat(c.lookup("kms:ResourceAliases").multivalued()).isTrue();
        assertThat(value(c, "kms:KeySpec")).isEqualTo("SYMMETRIC_DEFAULT");
        assertThat(value(c, "kms:CustomerMasterKeySpec")).isEqualTo("SYMMETRIC_DEFAULT");
        assertThat(value(c, "kms:KeyUsage")).isEqualTo("ENCRYPT_DECRYPT");
        assertThat(value(c, "kms:KeyOrigin")).isEqualTo("AWS_KMS");
        assertThat(value(c, "kms:MultiRegion")).isEqualTo("true");
        assertThat(value(c, "kms:MultiRegionKeyType")).isEqualTo("PRIMARY");
    }

    @Test
    void k2EncryptionContextKeysOnlyForOperationsThatTakeOne() {
        RequestFacts f = Fixtures.facts().encryptionContext(Map.of("AppName", "Billing")).build();
        RequestContext enc = ctx(Fixtures.alice(), "kms:Encrypt", f);
        assertThat(value(enc, "kms:encryptioncontext:appname")).isEqualTo("Billing");
        assertThat(enc.lookup("kms:EncryptionContextKeys").values()).containsExactly("AppName");
        assertThat(value(enc, "kms:EncryptionAlgorithm")).isEqualTo("SYMMETRIC_DEFAULT");
        RequestContext describe = ctx(Fixtures.alice(), "kms:DescribeKey", f);
        assertThat(describe.lookup("kms:EncryptionContextKeys")).isNull();
        RequestContext empty = ctx(Fixtures.alice(), "kms:Encrypt", Fixtures.facts().encryptionContext(Map.of()).build());
        assertThat(empty.lookup("kms:EncryptionContextKeys")).as("K4: empty is absent").isNull();
    }

    @Test
    void k2CreateGrantUsesTheRequestedConstraint() {
        GrantRequest g = new GrantRequest(Fixtures.BOB, null, List.of("Decrypt", "Encrypt"),
                GrantConstraint.subsetOf(Map.of("Dept", "IT")));
        RequestContext c = ctx(Fixtures.alice(), "kms:CreateGrant", Fixtures.facts().grant(g).build());
        assertThat(value(c, "kms:EncryptionContext:Dept")).isEqualTo("IT");
        assertThat(c.lookup("kms:GrantOperations").values()).containsExactly("Decrypt", "Encrypt");
        assertThat(value(c, "kms:GranteePrincipal")).isEqualTo(Fixtures.BOB);
        assertThat(c.lookup("kms:RetiringPrincipal")).isNull();
        assertThat(value(c, "kms:GrantConstraintType")).isEqualTo("EncryptionContextSubset");
        assertThat(value(c, "kms:GrantIsForAWSResource")).as("A10").isEqualTo("false");
    }

    @Test
    void k3AlgorithmParametersAndDefaults() {
        assertThat(value(ctx(Fixtures.alice(), "kms:Sign", Fixtures.facts().signingAlgorithm("ECDSA_SHA_256").build()),
                "kms:MessageType")).isEqualTo("RAW");
        assertThat(value(ctx(Fixtures.alice(), "kms:GenerateMac", Fixtures.facts().macAlgorithm("HMAC_SHA_256").build()),
                "kms:MacAlgorithm")).isEqualTo("HMAC_SHA_256");
        assertThat(value(ctx(Fixtures.alice(), "kms:DeriveSharedSecret", Fixtures.facts().build()),
                "kms:KeyAgreementAlgorithm")).isEqualTo("ECDH");
        assertThat(value(ctx(Fixtures.alice(), "kms:GenerateDataKeyPair", Fixtures.facts().keyPairSpec("RSA_2048").build()),
                "kms:DataKeyPairSpec")).isEqualTo("RSA_2048");
        assertThat(value(ctx(Fixtures.alice(), "kms:ReEncryptTo", Fixtures.facts().reEncryptOnSameKey(true).build()),
                "kms:ReEncryptOnSameKey")).isEqualTo("true");
        assertThat(value(ctx(Fixtures.alice(), "kms:Decrypt", Fixtures.facts().requestAlias("alias/app").build()),
                "kms:RequestAlias")).isEqualTo("alias/app");
        assertThat(ctx(Fixtures.alice(), "kms:ScheduleKeyDeletion", Fixtures.facts().requestAlias("alias/app").build())
                .lookup("kms:RequestAlias")).isNull();
    }

    @Test
    void k3AdministrativeParametersAndTheirDefaults() {
        assertThat(value(ctx(Fixtures.alice(), "kms:ScheduleKeyDeletion", Fixtures.facts().build()),
                "kms:ScheduleKeyDeletionPendingWindowInDays")).isEqualTo("30");
        assertThat(value(ctx(Fixtures.alice(), "kms:EnableKeyRotation", Fixtures.facts().build()),
                "kms:RotationPeriodInDays")).isEqualTo("365");
        RequestContext imp = ctx(Fixtures.alice(), "kms:ImportKeyMaterial",
                Fixtures.facts().expirationModel("KEY_MATERIAL_EXPIRES").validTo(Instant.ofEpochSecond(1893456000)).build());
        assertThat(value(imp, "kms:ValidTo")).isEqualTo("1893456000");
        assertThat(value(imp, "kms:ExpirationModel")).isEqualTo("KEY_MATERIAL_EXPIRES");
        RequestContext put = ctx(Fixtures.alice(), "kms:PutKeyPolicy", Fixtures.facts().build());
        assertThat(put.lookup("kms:BypassPolicyLockoutSafetyCheck")).as("only when sent").isNull();
        RequestContext putFalse = ctx(Fixtures.alice(), "kms:PutKeyPolicy",
                Fixtures.facts().bypassPolicyLockoutSafetyCheck(false).build());
        assertThat(value(putFalse, "kms:BypassPolicyLockoutSafetyCheck")).isEqualTo("false");
    }

    @Test
    void k1RequestTagsForTaggingOperations() {
        RequestContext tag = ctx(Fixtures.alice(), "kms:TagResource", Fixtures.facts().tags(Map.of("env", "prod")).build());
        assertThat(value(tag, "aws:RequestTag/env")).isEqualTo("prod");
        assertThat(tag.lookup("aws:TagKeys").values()).containsExactly("env");
        RequestContext untag = ctx(Fixtures.alice(), "kms:UntagResource", Fixtures.facts().tagKeys(List.of("a", "b")).build());
        assertThat(untag.lookup("aws:TagKeys").values()).containsExactly("a", "b");
        assertThat(untag.lookup("aws:RequestTag/a")).isNull();
    }

    @Test
    void createKeyHasRequestAttributesButNoKeyResourceKeys() {
        RequestContext c = ContextBuilder.build(Fixtures.alice(), Action.kms("CreateKey"), null,
                new KeyAttributes("RSA_2048", "SIGN_VERIFY", null, false, null, null, null), Fixtures.facts().build());
        assertThat(value(c, "kms:KeySpec")).isEqualTo("RSA_2048");
        assertThat(c.lookup("kms:CallerAccount")).isNull();
        assertThat(c.lookup("aws:ResourceTag/team")).isNull();
        RequestContext store = ContextBuilder.build(Fixtures.alice(), Action.kms("ConnectCustomKeyStore"), null, null,
                Fixtures.facts().build());
        assertThat(value(store, "kms:CallerAccount")).as("K3: custom key store operations").isEqualTo(Fixtures.ACCOUNT);
    }

    @Test
    void additionalContextAddsRawKeys() {
        RequestFacts f = Fixtures.facts().additionalContext(List.of(
                new ContextEntry("aws:SourceAccount", List.of("111122223333"), false, "x"),
                new ContextEntry("kms:RecipientAttestation:PCR0", List.of("abc"), false, "x"),
                new ContextEntry("x:multi", List.of("a"), true, "x"))).build();
        RequestContext c = ctx(Fixtures.alice(), "kms:Decrypt", f);
        assertThat(value(c, "aws:SourceAccount")).isEqualTo("111122223333");
        assertThat(value(c, "kms:recipientattestation:pcr0")).isEqualTo("abc");
        assertThat(c.lookup("x:multi").multivalued()).isTrue();
    }

    @Test
    void theRequestTimeIsRequired() {
        assertThatThrownBy(() -> ctx(Fixtures.alice(), "kms:Decrypt", RequestFacts.builder().build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("aws:CurrentTime");
    }
}
