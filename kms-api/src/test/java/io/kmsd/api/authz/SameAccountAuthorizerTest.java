package io.kmsd.api.authz;

import static org.assertj.core.api.Assertions.assertThat;

import io.kmsd.api.auth.Principal;
import io.kmsd.api.auth.PrincipalType;
import io.kmsd.core.alias.AliasArn;
import io.kmsd.core.key.AccountId;
import io.kmsd.core.key.KeyArn;
import io.kmsd.core.key.KeyFacts;
import io.kmsd.core.key.KeyId;
import io.kmsd.core.key.KeyMetadata;
import io.kmsd.core.key.KeySpec;
import io.kmsd.core.key.KeyState;
import io.kmsd.core.key.KeyUsage;
import io.kmsd.core.key.Origin;
import io.kmsd.core.key.Region;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rule behind the authorization seam until the policy engine replaces it, and the AccessDenied shapes. */
class SameAccountAuthorizerTest {
    static final Region REGION = new Region("us-east-1");
    static final AccountId A = new AccountId("111122223333");
    static final AccountId B = new AccountId("444455556666");
    static final Principal BOB = new Principal(B, Principal.userArn(B, "/", "bob"), PrincipalType.User,
            Optional.empty(), Map.of(), "AKIABOB", List.of());
    static final RequestFacts FACTS = RequestFacts.of(Instant.EPOCH, REGION, Optional.empty(), Optional.empty(), false);
    static final Authorizer RULE = new SameAccountAuthorizer();

    static KeyFacts keyOf(AccountId account) {
        KeyArn arn = new KeyArn(REGION, account, new KeyId("1234abcd-12ab-34cd-56ef-1234567890ab"));
        KeyMetadata m = new KeyMetadata(account, arn.keyId(), arn, Instant.EPOCH, true, "", KeyUsage.ENCRYPT_DECRYPT,
                KeyState.Enabled, Origin.AWS_KMS, KeyMetadata.CUSTOMER, KeySpec.SYMMETRIC_DEFAULT, false, null,
                List.of("SYMMETRIC_DEFAULT"), null);
        return new KeyFacts(m, "{}", List.of(), List.of());
    }

    @Test
    void ownKeyIsAllowed() {
        assertThat(RULE.decide(AuthzRequest.onKey(BOB, "kms:Encrypt", keyOf(B), FACTS)).allowed()).isTrue();
    }

    @Test
    void otherAccountsKeyIsDeniedInTheServicesWords() { // kms-api §1.3
        AuthzDecision d = RULE.decide(AuthzRequest.onKey(BOB, "kms:Encrypt", keyOf(A), FACTS));
        assertThat(d.outcome()).isEqualTo(AuthzDecision.Outcome.IMPLICIT_DENY);
        assertThat(d.deniedMessage()).isEqualTo("User: arn:aws:iam::444455556666:user/bob is not authorized to perform: "
                + "kms:Encrypt on resource: arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab "
                + "because no resource-based policy allows the kms:Encrypt action");
    }

    @Test
    void otherAccountsAliasIsDenied() {
        AliasArn alias = AliasArn.parse("arn:aws:kms:us-east-1:111122223333:alias/theirs").orElseThrow();
        AuthzDecision d = RULE.decide(AuthzRequest.onAlias(BOB, "kms:CreateAlias", alias, FACTS));
        assertThat(d.allowed()).isFalse();
        assertThat(d.deniedMessage()).contains("on resource: arn:aws:kms:us-east-1:111122223333:alias/theirs");
    }

    @Test
    void iamOnlyActionsOnStarAreAllowed() {
        AuthzRequest r = AuthzRequest.iamOnly(BOB, "kms:CreateKey", FACTS);
        assertThat(r.resource()).isEqualTo("*");
        assertThat(RULE.decide(r).allowed()).isTrue();
    }

    @Test
    void otherDenialShapes() {
        AuthzRequest r = AuthzRequest.onKey(BOB, "kms:Decrypt", keyOf(A), FACTS);
        assertThat(AccessDeniedMessages.noIdentityPolicyAllows(r)).endsWith(
                "because no identity-based policy allows the kms:Decrypt action");
        assertThat(AccessDeniedMessages.explicitDeny(r, true)).endsWith("with an explicit deny in a resource-based policy");
        assertThat(AccessDeniedMessages.explicitDeny(r, false)).endsWith("with an explicit deny in an identity-based policy");
    }

    @Test
    void requestFactsCarryTheTypedFacts() {
        RequestFacts f = FACTS.withEncryptionAlgorithm("SYMMETRIC_DEFAULT").withGrantTokens(List.of("t"))
                .withConditionKey("kms:KeySpec", List.of("SYMMETRIC_DEFAULT"));
        assertThat(f.encryptionAlgorithm()).contains("SYMMETRIC_DEFAULT");
        assertThat(f.grantTokens()).containsExactly("t");
        assertThat(f.conditionKeys()).containsEntry("kms:KeySpec", List.of("SYMMETRIC_DEFAULT"));
        assertThat(f.encryptionContext().isEmpty()).isTrue();
    }
}
