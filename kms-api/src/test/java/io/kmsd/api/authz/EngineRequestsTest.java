package io.kmsd.api.authz;

import static org.assertj.core.api.Assertions.assertThat;

import io.kmsd.api.auth.IdentitiesFile;
import io.kmsd.api.auth.IdentityStore;
import io.kmsd.api.auth.Principal;
import io.kmsd.core.Core;
import io.kmsd.core.CoreConfig;
import io.kmsd.core.GrantView;
import io.kmsd.core.NewKey;
import io.kmsd.core.alias.AliasName;
import io.kmsd.core.crypto.EncryptionContext;
import io.kmsd.core.grant.Grant;
import io.kmsd.core.grant.GrantConstraints;
import io.kmsd.core.grant.GrantId;
import io.kmsd.core.grant.GrantOperation;
import io.kmsd.core.grant.GrantPrincipal;
import io.kmsd.core.grant.GrantState;
import io.kmsd.core.key.AccountId;
import io.kmsd.core.key.KeyFacts;
import io.kmsd.core.key.Region;
import io.kmsd.core.key.Tag;
import io.kmsd.policy.condition.ContextEntry;
import io.kmsd.policy.condition.RequestContext;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one place where a request becomes the engine's (key-policy-semantics §5): which condition keys each
 * operation's facts produce, and which stay absent; and core's grants as the engine's grant values.
 */
class EngineRequestsTest {
    static final Region REGION = new Region("us-east-1");
    static final AccountId A = new AccountId("111122223333");

    @TempDir
    static Path dir;
    static Core core;
    static EngineRequests requests;
    static Principal alice;
    static KeyFacts key;

    @BeforeAll
    static void start() {
        core = Core.start(CoreConfig.builder().h2(dir).build());
        IdentityStore ids = IdentitiesFile.parse("""
                accounts:
                  - id: "111122223333"
                    users:
                      - name: alice
                        tags: {team: payments}
                        accessKeys: [{id: AKIAALICE0000000001, secret: s}]
                """, "test");
        requests = new EngineRequests(new Callers(ids.principals()), new CompiledKeys(), new GrantViews(core.grants()));
        alice = ids.credential("AKIAALICE0000000001").orElseThrow().principal();
        var arn = core.keys().createKey(NewKey.symmetric(A, REGION)).arn();
        core.keys().tag(arn, List.of(new Tag("env", "prod")));
        core.keys().createAlias(new io.kmsd.core.alias.AliasArn(REGION, A, new AliasName("alias/pay")), arn);
        key = core.keys().facts(arn);
    }

    @AfterAll
    static void stop() {
        core.close();
    }

    static RequestFacts facts() {
        return RequestFacts.of(Instant.parse("2025-06-01T12:00:00.750Z"), REGION, Optional.of("10.1.2.3"),
                Optional.empty(), false);
    }

    static RequestContext context(String action, RequestFacts f) {
        return requests.build(AuthzRequest.onKey(alice, action, key, f)).context();
    }

    static List<String> values(RequestContext c, String key) {
        ContextEntry e = c.lookup(key);
        return e == null ? null : e.values();
    }

    @Test
    void everyRequestCarriesTheCallerTimeSourceAndTheKeysAttributes() { // K1, K3
        RequestContext c = context("kms:Encrypt", facts().withEncryptionContext(EncryptionContext.of(Map.of("app",
                "pay"))).withEncryptionAlgorithm("SYMMETRIC_DEFAULT").withRequestAlias(Optional.of(
                new AliasName("alias/pay"))));
        assertThat(values(c, "aws:PrincipalArn")).containsExactly(alice.arn());
        assertThat(values(c, "aws:PrincipalTag/team")).containsExactly("payments");
        assertThat(values(c, "aws:CurrentTime")).containsExactly("2025-06-01T12:00:00Z");
        assertThat(values(c, "aws:SourceIp")).containsExactly("10.1.2.3");
        assertThat(values(c, "aws:SecureTransport")).containsExactly("false");
        assertThat(values(c, "kms:CallerAccount")).containsExactly("111122223333");
        assertThat(values(c, "kms:EncryptionContext:app")).containsExactly("pay");
        assertThat(values(c, "kms:EncryptionAlgorithm")).containsExactly("SYMMETRIC_DEFAULT");
        assertThat(values(c, "kms:RequestAlias")).containsExactly("alias/pay");
        assertThat(values(c, "kms:ResourceAliases")).containsExactly("alias/pay");
        assertThat(values(c, "aws:ResourceTag/env")).containsExactly("prod");
        assertThat(values(c, "kms:KeySpec")).containsExactly("SYMMETRIC_DEFAULT");
        assertThat(values(c, "kms:ViaService")).isNull();
    }

    @Test
    void theBypassFlagIsPresentOnlyWhenSent() { // K3, L3
        assertThat(values(context("kms:PutKeyPolicy", facts().with(new OperationFacts.PolicyWrite(Optional.empty()))),
                "kms:BypassPolicyLockoutSafetyCheck")).isNull();
        assertThat(values(context("kms:PutKeyPolicy", facts().with(new OperationFacts.PolicyWrite(
                Optional.of(false)))), "kms:BypassPolicyLockoutSafetyCheck")).containsExactly("false");
    }

    @Test
    void operationFactsBecomeTheirConditionKeys() { // K1, K3
        assertThat(values(context("kms:ScheduleKeyDeletion", facts().with(new OperationFacts.DeletionWindow(7))),
                "kms:ScheduleKeyDeletionPendingWindowInDays")).containsExactly("7");
        RequestContext tagging = context("kms:TagResource", facts().with(new OperationFacts.Tagging(
                List.of(new Tag("owner", "ops")), List.of())));
        assertThat(values(tagging, "aws:RequestTag/owner")).containsExactly("ops");
        assertThat(values(tagging, "aws:TagKeys")).containsExactly("owner");
        assertThat(values(context("kms:UntagResource", facts().with(new OperationFacts.Tagging(List.of(),
                List.of("owner")))), "aws:TagKeys")).containsExactly("owner");
        assertThat(values(context("kms:ReEncryptFrom", facts().with(new OperationFacts.ReEncryption(true))),
                "kms:ReEncryptOnSameKey")).containsExactly("true");
    }

    @Test
    void cryptoOperationFactsBecomeTheirConditionKeys() { // K3, issue 7
        RequestContext sign = context("kms:Sign", facts().with(new OperationFacts.Signing("ECDSA_SHA_256", "DIGEST")));
        assertThat(values(sign, "kms:SigningAlgorithm")).containsExactly("ECDSA_SHA_256");
        assertThat(values(sign, "kms:MessageType")).containsExactly("DIGEST");
        assertThat(values(context("kms:VerifyMac", facts().with(new OperationFacts.MacComputation("HMAC_SHA_384"))),
                "kms:MacAlgorithm")).containsExactly("HMAC_SHA_384");
        assertThat(values(context("kms:DeriveSharedSecret", facts().with(new OperationFacts.KeyAgreement("ECDH"))),
                "kms:KeyAgreementAlgorithm")).containsExactly("ECDH");
        assertThat(values(context("kms:GenerateDataKeyPairWithoutPlaintext", facts().with(
                new OperationFacts.DataKeyPair("RSA_3072"))), "kms:DataKeyPairSpec")).containsExactly("RSA_3072");
        assertThat(values(context("kms:Encrypt", facts()), "kms:SigningAlgorithm")).isNull();
    }

    @Test
    void aRequestedGrantFeedsTheGrantKeys() { // K3 kms:Grant*, K2 for CreateGrant
        RequestContext c = context("kms:CreateGrant", facts().with(new OperationFacts.GrantCreation(
                new GrantPrincipal("arn:aws:iam::111122223333:user/app"), Optional.empty(),
                EnumSet.of(GrantOperation.Encrypt, GrantOperation.Decrypt),
                Optional.of(GrantConstraints.subsetOf(Map.of("app", "pay"))))));
        assertThat(values(c, "kms:GrantOperations")).containsExactlyInAnyOrder("Encrypt", "Decrypt");
        assertThat(values(c, "kms:GranteePrincipal")).containsExactly("arn:aws:iam::111122223333:user/app");
        assertThat(values(c, "kms:RetiringPrincipal")).isNull();
        assertThat(values(c, "kms:GrantConstraintType")).containsExactly("EncryptionContextSubset");
        assertThat(values(c, "kms:EncryptionContext:app")).containsExactly("pay");
        assertThat(values(c, "kms:GrantIsForAWSResource")).containsExactly("false");
    }

    @Test
    void createKeyCarriesTheRequestedAttributesOnResourceStar() { // E18, K3
        var request = requests.build(AuthzRequest.iamOnly(alice, "kms:CreateKey", facts().with(
                new OperationFacts.KeyCreation("HMAC_256", "GENERATE_VERIFY_MAC", "AWS_KMS", false,
                        List.of(new Tag("team", "x")), Optional.of(true)))));
        assertThat(request.resource()).isEqualTo("*");
        assertThat(values(request.context(), "kms:KeySpec")).containsExactly("HMAC_256");
        assertThat(values(request.context(), "aws:RequestTag/team")).containsExactly("x");
        assertThat(values(request.context(), "kms:BypassPolicyLockoutSafetyCheck")).containsExactly("true");
    }

    @Test
    void coreGrantsMapOneToOneOntoTheEnginesGrants() {
        Grant g = new Grant(GrantId.random(), key.arn(), Optional.empty(), Instant.EPOCH,
                new GrantPrincipal("arn:aws:iam::111122223333:role/App"),
                Optional.of(new GrantPrincipal("111122223333")), A, EnumSet.of(GrantOperation.Decrypt),
                Optional.of(GrantConstraints.equalsContext(Map.of("k", "v"))), GrantState.REVOKED);
        io.kmsd.policy.grants.Grant mapped = GrantViews.of(new GrantView(g, false, Optional.of("tok")));
        assertThat(mapped.grantId()).isEqualTo(g.grantId().value());
        assertThat(mapped.keyArn()).isEqualTo(key.arn().toString());
        assertThat(mapped.granteePrincipal()).isEqualTo("arn:aws:iam::111122223333:role/App");
        assertThat(mapped.retiringPrincipal()).isEqualTo("111122223333");
        assertThat(mapped.operations()).containsExactly("Decrypt");
        assertThat(mapped.constraint().type().name()).isEqualTo("EncryptionContextEquals");
        assertThat(mapped.constraint().context()).isEqualTo(Map.of("k", "v"));
        assertThat(mapped.issuingAccount()).isEqualTo("arn:aws:iam::111122223333:root");
        assertThat(mapped.state()).isEqualTo(io.kmsd.policy.grants.GrantState.REVOKED);
        assertThat(mapped.propagated()).isFalse();
        assertThat(mapped.token()).isEqualTo("tok");
    }

    @Test
    void withoutTokensTheMappedGrantsOfAnUnchangedKeyAreReused() {
        GrantViews views = new GrantViews(core.grants());
        core.grants().create(io.kmsd.core.NewGrant.of(key.arn(), new GrantPrincipal("arn:aws:iam::111122223333:"
                + "user/app"), EnumSet.of(GrantOperation.Encrypt)));
        List<io.kmsd.policy.grants.Grant> first = views.forRequest(key.arn(), List.of());
        assertThat(first).hasSize(1);
        assertThat(views.forRequest(key.arn(), List.of())).isSameAs(first);
    }
}
