package io.kmsd.api.authz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmsd.api.auth.IdentitiesException;
import io.kmsd.api.auth.IdentitiesFile;
import io.kmsd.api.auth.IdentityStore;
import io.kmsd.api.auth.Principal;
import io.kmsd.core.Core;
import io.kmsd.core.CoreConfig;
import io.kmsd.core.NewGrant;
import io.kmsd.core.NewKey;
import io.kmsd.core.crypto.EncryptionContext;
import io.kmsd.core.error.KmsError;
import io.kmsd.core.error.KmsException;
import io.kmsd.core.grant.GrantConstraints;
import io.kmsd.core.grant.GrantOperation;
import io.kmsd.core.grant.GrantPrincipal;
import io.kmsd.core.key.AccountId;
import io.kmsd.core.key.KeyFacts;
import io.kmsd.core.key.Region;
import io.kmsd.core.key.Tag;
import io.kmsd.policy.template.KeyType;
import io.kmsd.policy.template.PolicyTemplate;
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
 * The policy engine behind the seam, over a real core (H2): compiled once, decisions and their AWS messages,
 * the cross-account gate, grants and tokens, and the checks of a policy write (key-policy-semantics E, L, D).
 */
class PolicyAuthorizerTest {
    static final AccountId A = new AccountId("111122223333");
    static final AccountId B = new AccountId("444455556666");
    static final Region REGION = new Region("us-east-1");
    static final String IDENTITIES = """
            accounts:
              - id: "111122223333"
                users:
                  - name: alice
                    accessKeys: [{id: AKIAALICE0000000001, secret: s}]
                    policies:
                      - {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "kms:*", "Resource": "*"}]}
                  - name: mallory
                    accessKeys: [{id: AKIAMALLORY00000001, secret: s}]
                    policies:
                      - {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "kms:*", "Resource": "*"},
                         {"Sid": "NoDecrypt", "Effect": "Deny", "Action": "kms:Decrypt", "Resource": "*"}]}
                  - name: nopolicy
                    accessKeys: [{id: AKIANOPOLICY0000001, secret: s}]
              - id: "444455556666"
                users:
                  - name: bob
                    accessKeys: [{id: AKIABOB000000000001, secret: s}]
                    policies:
                      - {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "kms:*", "Resource": "*"}]}
            """;

    @TempDir
    static Path dir;
    static Core core;
    static IdentityStore identities;
    static PolicyAuthorizer authorizer;

    @BeforeAll
    static void start() {
        core = Core.start(CoreConfig.builder().h2(dir).build());
        identities = IdentitiesFile.parse(IDENTITIES, "test");
        authorizer = new PolicyAuthorizer(identities, core.grants(), true, false);
    }

    @AfterAll
    static void stop() {
        core.close();
    }

    static Principal user(String accessKey) {
        return identities.credential(accessKey).orElseThrow().principal();
    }

    static KeyFacts newKey(String policy) {
        NewKey k = new NewKey(A, REGION, "", io.kmsd.core.key.KeySpec.SYMMETRIC_DEFAULT, null, null, List.of(),
                policy, false);
        return core.keys().facts(core.keys().createKey(k).arn());
    }

    static RequestFacts facts() {
        return RequestFacts.of(Instant.parse("2025-06-01T12:00:00Z"), REGION, Optional.of("10.0.0.1"),
                Optional.empty(), true);
    }

    static AuthzDecision decide(Principal p, String action, KeyFacts key, RequestFacts f) {
        return authorizer.decide(AuthzRequest.onKey(p, action, key, f));
    }

    @Test
    void aKeyPolicyIsCompiledOnceAndAgainOnlyWhenItsTextChanges() {
        CompiledKeys keys = new CompiledKeys();
        KeyFacts key = newKey(null);
        var first = keys.of(key);
        assertThat(keys.of(core.keys().facts(key.arn()))).isSameAs(first);
        core.keys().tag(key.arn(), List.of(new Tag("team", "payments")));
        var retagged = keys.of(core.keys().facts(key.arn()));
        assertThat(retagged).isNotSameAs(first);
        assertThat(retagged.policy()).isSameAs(first.policy());
        assertThat(retagged.attributes().tags()).containsEntry("team", "payments");
        core.keys().putPolicy(key.arn(), PolicyTemplate.render(A.value(), List.of(), List.of(), KeyType.SYMMETRIC));
        assertThat(keys.of(core.keys().facts(key.arn())).policy()).isNotSameAs(first.policy());
    }

    @Test
    void aStoredPolicyThatNoLongerCompilesAllowsNothing() {
        KeyFacts key = newKey(null);
        core.keys().putPolicy(key.arn(), "{\"Version\":\"2012-10-17\",\"Statement\":[]}");
        AuthzDecision d = decide(user("AKIAALICE0000000001"), "kms:Encrypt", core.keys().facts(key.arn()), facts());
        assertThat(d.allowed()).isFalse();
    }

    @Test
    void anInvalidIdentityPolicyIsRefusedWhenTheIdentitiesAreLoaded() {
        IdentityStore bad = IdentitiesFile.parse("""
                accounts:
                  - id: "111122223333"
                    users:
                      - name: carol
                        accessKeys: [{id: AKIACAROL0000000001, secret: s}]
                        policies: [{"Version": "2012-10-17", "Statement": [{"Effect": "Permit", "Action": "kms:*", "Resource": "*"}]}]
                """, "test");
        assertThatThrownBy(() -> new PolicyAuthorizer(bad, core.grants(), true, false))
                .isInstanceOf(IdentitiesException.class)
                .hasMessageContaining("identity policy 1 of carol (arn:aws:iam::111122223333:user/carol)")
                .hasMessageContaining("InvalidEffect");
    }

    @Test
    void delegationToTheAccountNeedsAnIdentityPolicy() { // key-policy-semantics E7b, D1
        KeyFacts key = newKey(null);
        AuthzDecision alice = decide(user("AKIAALICE0000000001"), "kms:Encrypt", key, facts());
        assertThat(alice.allowed()).isTrue();
        assertThat(alice.explanation()).isEqualTo("SAME_ACCOUNT: keyPolicy#Enable IAM User Permissions, "
                + "identity:alice-1#[0]");
        AuthzDecision none = decide(user("AKIANOPOLICY0000001"), "kms:Encrypt", key, facts());
        assertThat(none.outcome()).isEqualTo(AuthzDecision.Outcome.IMPLICIT_DENY);
        assertThat(none.deniedMessage()).isEqualTo("User: arn:aws:iam::111122223333:user/nopolicy is not authorized "
                + "to perform: kms:Encrypt on resource: " + key.arn() + " because no identity-based policy allows "
                + "the kms:Encrypt action");
    }

    @Test
    void anExplicitDenyInAnIdentityPolicyWins() { // key-policy-semantics E6
        AuthzDecision d = decide(user("AKIAMALLORY00000001"), "kms:Decrypt", newKey(null), facts());
        assertThat(d.outcome()).isEqualTo(AuthzDecision.Outcome.EXPLICIT_DENY);
        assertThat(d.deniedMessage()).endsWith("with an explicit deny in an identity-based policy");
    }

    @Test
    void anotherAccountNeedsTheKeyPolicyToo() { // key-policy-semantics E8
        AuthzDecision d = decide(user("AKIABOB000000000001"), "kms:Encrypt", newKey(null), facts());
        assertThat(d.deniedMessage()).endsWith("because no resource-based policy allows the kms:Encrypt action");
    }

    @Test
    void anotherAccountIsNeverAllowedAdministration() { // key-policy-semantics E2
        KeyFacts key = newKey(PolicyTemplate.render(A.value(), List.of(B.value()), List.of(B.value()),
                KeyType.SYMMETRIC));
        Principal bob = user("AKIABOB000000000001");
        assertThat(decide(bob, "kms:Encrypt", key, facts()).allowed()).isTrue();
        AuthzDecision d = decide(bob, "kms:DisableKey", key, facts());
        assertThat(d.allowed()).isFalse();
        assertThat(d.explanation()).isEqualTo("CROSS_ACCOUNT: crossAccountUnsupported");
        assertThat(d.deniedMessage()).isEqualTo("User: arn:aws:iam::444455556666:user/bob is not authorized to "
                + "perform: kms:DisableKey on resource: " + key.arn() + " because kms:DisableKey cannot be performed "
                + "on a key in another account");
    }

    @Test
    void aGrantAllowsItsGranteeUnderItsConstraint() { // key-policy-semantics E12, E13
        KeyFacts key = newKey(null);
        Principal grantee = user("AKIANOPOLICY0000001");
        core.grants().create(NewGrant.of(key.arn(), new GrantPrincipal(grantee.arn()),
                EnumSet.of(GrantOperation.Encrypt)).withConstraints(GrantConstraints.subsetOf(Map.of("app", "pay"))));
        RequestFacts matching = facts().withEncryptionContext(EncryptionContext.of(Map.of("app", "pay", "x", "y")));
        assertThat(decide(grantee, "kms:Encrypt", key, matching).explanation()).startsWith("SAME_ACCOUNT: grant:");
        assertThat(decide(grantee, "kms:Encrypt", key, facts()).allowed()).isFalse();
        assertThat(decide(grantee, "kms:Decrypt", key, matching).allowed()).isFalse();
    }

    @Test
    void anInvalidGrantTokenIsRefused() { // kms-api §4.0 GrantTokens
        assertThatThrownBy(() -> decide(user("AKIAALICE0000000001"), "kms:Encrypt", newKey(null),
                facts().withGrantTokens(List.of("not-a-token"))))
                .isInstanceOfSatisfying(KmsException.class, e -> assertThat(e.error())
                        .isEqualTo(KmsError.InvalidGrantToken));
    }

    @Test
    void keylessOperationsAreDecidedByIdentityPoliciesAlone() { // key-policy-semantics E18
        assertThat(authorizer.decide(AuthzRequest.iamOnly(user("AKIAALICE0000000001"), "kms:ListKeys", facts()))
                .allowed()).isTrue();
        AuthzDecision d = authorizer.decide(AuthzRequest.iamOnly(user("AKIANOPOLICY0000001"), "kms:ListKeys",
                facts()));
        assertThat(d.deniedMessage()).isEqualTo("User: arn:aws:iam::111122223333:user/nopolicy is not authorized "
                + "to perform: kms:ListKeys on resource: * because no identity-based policy allows the kms:ListKeys "
                + "action");
        assertThat(authorizer.decide(AuthzRequest.iamOnly(Principal.root(B, "12"), "kms:CreateKey", facts()))
                .allowed()).isTrue(); // E9: the root user needs no identity policy
    }

    @Test
    void aPolicyWriteIsValidatedAgainstTheIdentities() { // key-policy-semantics G8c, G15
        KeyFacts key = newKey(null);
        Principal alice = user("AKIAALICE0000000001");
        String unknown = PolicyTemplate.render(A.value(), List.of("arn:aws:iam::111122223333:user/nobody"),
                List.of(), KeyType.SYMMETRIC);
        assertThat(write(authorizer, alice, key, unknown)).hasValueSatisfying(e -> {
            assertThat(e.error()).isEqualTo(KmsError.MalformedPolicyDocument);
            assertThat(e.getMessage()).startsWith("PrincipalNotFound");
        });
        PolicyAuthorizer permissive = new PolicyAuthorizer(identities, core.grants(), false, false);
        assertThat(write(permissive, alice, key, unknown)).isEmpty();
        assertThat(write(authorizer, alice, key, "{")).hasValueSatisfying(e ->
                assertThat(e.getMessage()).startsWith("SyntaxError"));
    }

    @Test
    void aPolicyWriteThatLocksTheCallerOutIsRefusedUnlessBypassed() { // key-policy-semantics L2, L3
        KeyFacts key = newKey(null);
        String onlyBob = PolicyTemplate.render(A.value(), List.of("arn:aws:iam::444455556666:user/bob"), List.of(),
                KeyType.SYMMETRIC, new PolicyTemplate.Options(false, true, false, false));
        assertThat(write(authorizer, user("AKIAALICE0000000001"), key, onlyBob)).hasValueSatisfying(e -> {
            assertThat(e.error()).isEqualTo(KmsError.MalformedPolicyDocument);
            assertThat(e.getMessage()).contains("The new key policy will not allow you to update the key policy");
        });
        RequestFacts bypass = facts().with(new OperationFacts.PolicyWrite(Optional.of(true)));
        assertThat(authorizer.checkPolicyWrite(AuthzRequest.onKey(user("AKIAALICE0000000001"), "kms:PutKeyPolicy",
                key, bypass), onlyBob)).isEmpty();
    }

    @Test
    void separationOfDutiesIsEnforcedOnlyWhenConfigured() { // key-policy-semantics D4 SOD-001
        KeyFacts key = newKey(null);
        String both = PolicyTemplate.render(A.value(), List.of("arn:aws:iam::111122223333:user/nopolicy"),
                List.of("arn:aws:iam::111122223333:user/nopolicy"), KeyType.SYMMETRIC);
        Principal alice = user("AKIAALICE0000000001");
        assertThat(write(authorizer, alice, key, both)).isEmpty();
        PolicyAuthorizer strict = new PolicyAuthorizer(identities, core.grants(), true, true);
        assertThat(write(strict, alice, key, both)).hasValueSatisfying(e -> {
            assertThat(e.error()).isEqualTo(KmsError.MalformedPolicyDocument);
            assertThat(e.getMessage()).startsWith("SeparationOfDuties: keyPolicy#Allow access for Key "
                    + "Administrators, keyPolicy#Allow use of the key give arn:aws:iam::111122223333:user/nopolicy");
        });
        String separate = PolicyTemplate.render(A.value(), List.of("arn:aws:iam::111122223333:user/nopolicy"),
                List.of("arn:aws:iam::111122223333:user/alice"), KeyType.SYMMETRIC);
        assertThat(write(strict, alice, key, separate)).isEmpty();
    }

    @Test
    void aNewKeysPolicyIsCheckedForTheKeyAboutToBeCreated() { // key-policy-semantics L1, E18
        RequestFacts creation = facts().with(new OperationFacts.KeyCreation("SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT",
                "AWS_KMS", false, List.of(), Optional.empty()));
        AuthzRequest request = AuthzRequest.iamOnly(user("AKIAALICE0000000001"), "kms:CreateKey", creation);
        assertThat(authorizer.checkPolicyWrite(request, PolicyTemplate.render(A.value(), List.of(), List.of(),
                KeyType.SYMMETRIC))).isEmpty();
        String lockout = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::111122223333:user/nopolicy\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";
        assertThat(authorizer.checkPolicyWrite(request, lockout)).hasValueSatisfying(e ->
                assertThat(e.getMessage()).startsWith("LockoutSafetyCheck"));
    }

    private static Optional<KmsException> write(PolicyAuthorizer a, Principal p, KeyFacts key, String policy) {
        return a.checkPolicyWrite(AuthzRequest.onKey(p, "kms:PutKeyPolicy", key, facts()), policy);
    }
}
