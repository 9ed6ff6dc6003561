package io.kmsd.api;

import static io.kmsd.api.SdkAssertions.fails;
import static io.kmsd.api.SdkAssertions.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.CreateGrantResponse;
import software.amazon.awssdk.services.kms.model.GrantConstraints;
import software.amazon.awssdk.services.kms.model.GrantListEntry;
import software.amazon.awssdk.services.kms.model.GrantOperation;
import software.amazon.awssdk.services.kms.model.InvalidGrantIdException;
import software.amazon.awssdk.services.kms.model.InvalidGrantTokenException;
import software.amazon.awssdk.services.kms.model.KeyMetadata;

/**
 * Grants in the whole server through the real AWS SDK v2 (kms-api §4.9, §6 items 41, 46–51;
 * key-policy-semantics E12–E17): a grantee without any policy permission uses a key by grant, only under its
 * constraint, only for the operations it lists, and loses it when the grant is retired or revoked; grant tokens,
 * child grants (E14), {@code kms:Grant*} conditions, listings and Name idempotence.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SdkGrantTest {
    static final DropwizardAppExtension<KmsConfiguration> APP = TestServer.app();
    static final SdkBytes HELLO = SdkBytes.fromUtf8String("hello");
    static final String GINA = "arn:aws:iam::111122223333:user/gina";
    static final String RITA = "arn:aws:iam::111122223333:user/rita";
    static final String KUSER = "arn:aws:iam::111122223333:user/kuser";
    static KmsClient alice;
    static KmsClient gina;
    static KmsClient rita;
    static KmsClient kuser;
    static KmsClient kadmin;
    static KmsClient bob;

    @BeforeAll
    static void clients() {
        alice = TestServer.client(APP, TestServer.alice());
        gina = TestServer.client(APP, TestServer.user("gina"));
        rita = TestServer.client(APP, TestServer.user("rita"));
        kuser = TestServer.client(APP, TestServer.user("kuser"));
        kadmin = TestServer.client(APP, TestServer.user("kadmin"));
        bob = TestServer.client(APP, TestServer.bob());
    }

    @AfterAll
    static void close() {
        List.of(alice, gina, rita, kuser, kadmin, bob).forEach(KmsClient::close);
    }

    static KeyMetadata newKey() {
        return alice.createKey(r -> { }).keyMetadata();
    }

    static CreateGrantResponse grant(KeyMetadata key, String grantee, GrantOperation... ops) {
        return alice.createGrant(r -> r.keyId(key.arn()).granteePrincipal(grantee).operations(ops));
    }

    static void denied(ThrowingCallable call) {
        failsWith("AccessDeniedException", null, call);
    }

    static SdkBytes encrypt(KmsClient client, KeyMetadata key, Map<String, String> context) {
        return client.encrypt(r -> r.keyId(key.keyId()).plaintext(HELLO).encryptionContext(context)).ciphertextBlob();
    }

    @Test
    void aGranteeWithoutAnyPolicyUsesTheKeyByGrant() { // kms-api §6.46, key-policy-semantics E12
        KeyMetadata key = newKey();
        denied(() -> gina.encrypt(r -> r.keyId(key.keyId()).plaintext(HELLO)));
        CreateGrantResponse g = grant(key, GINA, GrantOperation.ENCRYPT, GrantOperation.DECRYPT,
                GrantOperation.GENERATE_DATA_KEY);
        assertThat(g.grantId()).matches("[0-9a-f]{64}");
        assertThat(g.grantToken()).isNotBlank();
        SdkBytes blob = gina.encrypt(r -> r.keyId(key.keyId()).plaintext(HELLO).grantTokens(g.grantToken()))
                .ciphertextBlob();
        assertThat(gina.decrypt(r -> r.ciphertextBlob(blob)).plaintext()).isEqualTo(HELLO);
        assertThat(gina.generateDataKey(r -> r.keyId(key.arn()).numberOfBytes(32)).plaintext().asByteArray())
                .hasSize(32);
    }

    @Test
    void aGranteeCannotDoWhatItsGrantDoesNotList() { // key-policy-semantics E12
        KeyMetadata key = newKey();
        grant(key, GINA, GrantOperation.ENCRYPT);
        SdkBytes blob = encrypt(gina, key, Map.of());
        failsWith("AccessDeniedException", "User: " + GINA + " is not authorized to perform: kms:Decrypt on "
                + "resource: " + key.arn() + " because no identity-based policy allows the kms:Decrypt action",
                () -> gina.decrypt(r -> r.ciphertextBlob(blob).keyId(key.arn())));
        denied(() -> gina.generateDataKeyWithoutPlaintext(r -> r.keyId(key.keyId()).numberOfBytes(16)));
        denied(() -> gina.describeKey(r -> r.keyId(key.keyId())));
        denied(() -> gina.createGrant(r -> r.keyId(key.arn()).granteePrincipal(GINA)
                .operations(GrantOperation.DECRYPT)));
        denied(() -> gina.disableKey(r -> r.keyId(key.keyId())));
    }

    @Test
    void anEqualsConstraintAdmitsExactlyItsContext() { // kms-api §6.49, key-policy-semantics E13
        KeyMetadata key = newKey();
        alice.createGrant(r -> r.keyId(key.arn()).granteePrincipal(GINA).operations(GrantOperation.ENCRYPT)
                .constraints(GrantConstraints.builder().encryptionContextEquals(Map.of("a", "b")).build()));
        encrypt(gina, key, Map.of("a", "b"));
        encrypt(gina, key, Map.of("A", "b")); // keys compare case-insensitively (A5)
        denied(() -> encrypt(gina, key, Map.of("a", "b", "c", "d")));
        denied(() -> encrypt(gina, key, Map.of("a", "B")));
        denied(() -> encrypt(gina, key, Map.of()));
    }

    @Test
    void aSubsetConstraintAdmitsSupersetsOfItsContext() { // kms-api §6.49, key-policy-semantics E13
        KeyMetadata key = newKey();
        alice.createGrant(r -> r.keyId(key.arn()).granteePrincipal(GINA)
                .operations(GrantOperation.ENCRYPT, GrantOperation.DECRYPT)
                .constraints(GrantConstraints.builder().encryptionContextSubset(Map.of("a", "b")).build()));
        SdkBytes blob = encrypt(gina, key, Map.of("a", "b", "c", "d"));
        assertThat(gina.decrypt(r -> r.ciphertextBlob(blob).encryptionContext(Map.of("a", "b", "c", "d")))
                .plaintext()).isEqualTo(HELLO);
        encrypt(gina, key, Map.of("a", "b"));
        denied(() -> encrypt(gina, key, Map.of("a", "x", "c", "d")));
        denied(() -> encrypt(gina, key, Map.of("c", "d")));
        denied(() -> encrypt(gina, key, Map.of()));
    }

    @Test
    void retiringAGrantEndsItsPermissionsAtOnce() { // kms-api §6.50, key-policy-semantics E16
        KeyMetadata key = newKey();
        CreateGrantResponse g = alice.createGrant(r -> r.keyId(key.arn()).granteePrincipal(GINA)
                .retiringPrincipal(RITA).operations(GrantOperation.ENCRYPT));
        encrypt(gina, key, Map.of());
        failsWith("AccessDeniedException", null, () -> kuser.retireGrant(r -> r.keyId(key.arn()).grantId(g.grantId())));
        failsWith("ValidationException", null, () -> rita.retireGrant(r -> r.grantId(g.grantId())));
        failsWith("DryRunOperationException", null, () -> rita.retireGrant(r -> r.keyId(key.arn())
                .grantId(g.grantId()).dryRun(true)));
        encrypt(gina, key, Map.of());
        rita.retireGrant(r -> r.keyId(key.arn()).grantId(g.grantId()));
        denied(() -> encrypt(gina, key, Map.of()));
        denied(() -> gina.encrypt(r -> r.keyId(key.keyId()).plaintext(HELLO).grantTokens(g.grantToken())));
        fails(InvalidGrantIdException.class, () -> rita.retireGrant(r -> r.keyId(key.arn()).grantId(g.grantId())));
    }

    @Test
    void aGranteeRetiresItsOwnGrantByTokenWhenTheGrantAllowsIt() { // kms-api §6.50, key-policy-semantics E16b
        KeyMetadata key = newKey();
        CreateGrantResponse mine = grant(key, GINA, GrantOperation.ENCRYPT, GrantOperation.RETIRE_GRANT);
        CreateGrantResponse notMine = grant(key, GINA, GrantOperation.DECRYPT);
        denied(() -> gina.retireGrant(r -> r.grantToken(notMine.grantToken())));
        gina.retireGrant(r -> r.grantToken(mine.grantToken()));
        denied(() -> encrypt(gina, key, Map.of()));
        assertThat(alice.listGrants(r -> r.keyId(key.arn())).grants()).extracting(GrantListEntry::grantId)
                .containsExactly(notMine.grantId());
    }

    @Test
    void revokingAGrantEndsItsPermissionsAtOnce() { // kms-api §6.50, key-policy-semantics E17
        KeyMetadata key = newKey();
        CreateGrantResponse g = grant(key, GINA, GrantOperation.ENCRYPT);
        encrypt(gina, key, Map.of());
        denied(() -> gina.revokeGrant(r -> r.keyId(key.arn()).grantId(g.grantId())));
        failsWith("DryRunOperationException", null, () -> alice.revokeGrant(r -> r.keyId(key.arn())
                .grantId(g.grantId()).dryRun(true)));
        encrypt(gina, key, Map.of());
        alice.revokeGrant(r -> r.keyId(key.arn()).grantId(g.grantId()));
        denied(() -> encrypt(gina, key, Map.of()));
        denied(() -> gina.encrypt(r -> r.keyId(key.keyId()).plaintext(HELLO).grantTokens(g.grantToken())));
        fails(InvalidGrantIdException.class, () -> alice.revokeGrant(r -> r.keyId(key.arn()).grantId(g.grantId())));
        fails(InvalidGrantIdException.class, () -> alice.revokeGrant(r -> r.keyId(key.arn()).grantId("not-an-id")));
    }

    @Test
    void listRetirableGrantsShowsTheGrantToItsRetiringPrincipal() { // kms-api §6.51
        KeyMetadata key = newKey();
        CreateGrantResponse g = alice.createGrant(r -> r.keyId(key.arn()).granteePrincipal(GINA)
                .retiringPrincipal(RITA).operations(GrantOperation.DECRYPT).name("for-rita"));
        List<GrantListEntry> retirable = alice.listRetirableGrants(r -> r.retiringPrincipal(RITA)).grants();
        assertThat(retirable).filteredOn(e -> e.keyId().equals(key.arn())).singleElement().satisfies(e -> {
            assertThat(e.grantId()).isEqualTo(g.grantId());
            assertThat(e.retiringPrincipal()).isEqualTo(RITA);
            assertThat(e.name()).isEqualTo("for-rita");
        });
        assertThat(alice.listRetirableGrants(r -> r.retiringPrincipal(KUSER)).grants())
                .noneMatch(e -> e.grantId().equals(g.grantId()));
        denied(() -> rita.listRetirableGrants(r -> r.retiringPrincipal(RITA))); // IAM-only, rita has no policy
        denied(() -> alice.listRetirableGrants(r -> r.retiringPrincipal("arn:aws:iam::444455556666:user/bob")));
    }

    @Test
    void listGrantsShowsEveryMemberButTheToken() { // kms-api §6.46
        KeyMetadata key = newKey();
        CreateGrantResponse g = alice.createGrant(r -> r.keyId(key.keyId()).granteePrincipal(GINA)
                .operations(GrantOperation.ENCRYPT, GrantOperation.DECRYPT).name("app")
                .constraints(GrantConstraints.builder().encryptionContextSubset(Map.of("team", "pay")).build()));
        grant(key, KUSER, GrantOperation.DESCRIBE_KEY);
        GrantListEntry e = alice.listGrants(r -> r.keyId(key.arn()).grantId(g.grantId())).grants().get(0);
        assertThat(e.keyId()).isEqualTo(key.arn());
        assertThat(e.granteePrincipal()).isEqualTo(GINA);
        assertThat(e.issuingAccount()).isEqualTo("arn:aws:iam::111122223333:root");
        assertThat(e.operations()).containsExactlyInAnyOrder(GrantOperation.ENCRYPT, GrantOperation.DECRYPT);
        assertThat(e.constraints().encryptionContextSubset()).isEqualTo(Map.of("team", "pay"));
        assertThat(e.name()).isEqualTo("app");
        assertThat(alice.listGrants(r -> r.keyId(key.arn()).granteePrincipal(KUSER)).grants()).hasSize(1);
        assertThat(alice.listGrants(r -> r.keyId(key.arn()).limit(1)).truncated()).isTrue();
        fails(InvalidGrantIdException.class, () -> alice.listGrants(r -> r.keyId(key.arn()).grantId("x")));
        denied(() -> gina.listGrants(r -> r.keyId(key.arn())));
    }

    @Test
    void theSameNameAndParametersGiveTheSameGrant() { // kms-api §6.47
        KeyMetadata key = newKey();
        CreateGrantResponse first = alice.createGrant(r -> r.keyId(key.arn()).granteePrincipal(GINA)
                .operations(GrantOperation.ENCRYPT).name("idem"));
        CreateGrantResponse again = alice.createGrant(r -> r.keyId(key.arn()).granteePrincipal(GINA)
                .operations(GrantOperation.ENCRYPT).name("idem"));
        assertThat(again.grantId()).isEqualTo(first.grantId());
        assertThat(again.grantToken()).isNotEqualTo(first.grantToken());
        CreateGrantResponse other = alice.createGrant(r -> r.keyId(key.arn()).granteePrincipal(GINA)
                .operations(GrantOperation.DECRYPT).name("idem"));
        assertThat(other.grantId()).isNotEqualTo(first.grantId());
    }

    @Test
    void aDryRunCreatesNothingAndABadGrantIsAValidationError() { // kms-api §6.41, §6.48
        KeyMetadata key = newKey();
        failsWith("DryRunOperationException", "The request would have succeeded, but the DryRun option is set.",
                () -> alice.createGrant(r -> r.keyId(key.arn()).granteePrincipal(GINA)
                        .operations(GrantOperation.ENCRYPT).dryRun(true)));
        assertThat(alice.listGrants(r -> r.keyId(key.arn())).grants()).isEmpty();
        denied(() -> gina.createGrant(r -> r.keyId(key.arn()).granteePrincipal(GINA)
                .operations(GrantOperation.ENCRYPT).dryRun(true)));
        failsWith("ValidationException", null, () -> alice.createGrant(r -> r.keyId(key.arn())
                .granteePrincipal(GINA).operations(GrantOperation.SIGN)));
        failsWith("ValidationException", null, () -> alice.createGrant(r -> r.keyId(key.arn())
                .granteePrincipal("sns.amazonaws.com").operations(GrantOperation.ENCRYPT)));
        failsWith("ValidationException", null, () -> alice.createGrant(r -> r.keyId(key.arn())
                .granteePrincipal(GINA).operationsWithStrings(List.of())));
    }

    @Test
    void anInvalidTokenIsRefusedEvenWhereThePolicyAllows() { // kms-api §4.0 GrantTokens
        KeyMetadata key = newKey();
        fails(InvalidGrantTokenException.class, () -> alice.encrypt(r -> r.keyId(key.keyId()).plaintext(HELLO)
                .grantTokens("bm90LWEtdG9rZW4")));
    }

    @Test
    void aGrantOpensAKeyToAnotherAccountOnItsOwn() { // key-policy-semantics A2
        KeyMetadata key = newKey();
        denied(() -> bob.encrypt(r -> r.keyId(key.arn()).plaintext(HELLO)));
        grant(key, "arn:aws:iam::444455556666:user/bob", GrantOperation.ENCRYPT);
        assertThat(bob.encrypt(r -> r.keyId(key.arn()).plaintext(HELLO)).keyId()).isEqualTo(key.arn());
    }

    @Test
    void aChildGrantStaysWithinItsParent() { // key-policy-semantics E14
        KeyMetadata key = newKey();
        alice.createGrant(r -> r.keyId(key.arn()).granteePrincipal(GINA)
                .operations(GrantOperation.ENCRYPT, GrantOperation.CREATE_GRANT)
                .constraints(GrantConstraints.builder().encryptionContextSubset(Map.of("team", "pay")).build()));
        gina.createGrant(r -> r.keyId(key.arn()).granteePrincipal(KUSER).operations(GrantOperation.ENCRYPT)
                .constraints(GrantConstraints.builder().encryptionContextSubset(Map.of("team", "pay", "env", "p"))
                        .build()));
        encrypt(kuser, key, Map.of("team", "pay", "env", "p"));
        denied(() -> gina.createGrant(r -> r.keyId(key.arn()).granteePrincipal(KUSER)
                .operations(GrantOperation.DECRYPT)
                .constraints(GrantConstraints.builder().encryptionContextSubset(Map.of("team", "pay")).build())));
        denied(() -> gina.createGrant(r -> r.keyId(key.arn()).granteePrincipal(KUSER)
                .operations(GrantOperation.ENCRYPT)));
    }

    @Test
    void grantConditionKeysLimitWhatAPolicyMayGrant() { // key-policy-semantics K3 kms:Grant*
        String statement = SdkPolicyTest.statement("GrantEncryptToGina", "arn:aws:iam::111122223333:user/kadmin",
                "\"kms:CreateGrant\"", "{\"ForAllValues:StringEquals\":{\"kms:GrantOperations\":[\"Encrypt\","
                        + "\"Decrypt\"]},\"StringEquals\":{\"kms:GranteePrincipal\":\"" + GINA + "\"},"
                        + "\"Bool\":{\"kms:GrantIsForAWSResource\":\"false\"}}");
        KeyMetadata key = alice.createKey(r -> r.policy(SdkPolicyTest.policy(statement))).keyMetadata();
        kadmin.createGrant(r -> r.keyId(key.arn()).granteePrincipal(GINA).operations(GrantOperation.ENCRYPT));
        encrypt(gina, key, Map.of());
        denied(() -> kadmin.createGrant(r -> r.keyId(key.arn()).granteePrincipal(GINA)
                .operations(GrantOperation.ENCRYPT, GrantOperation.RE_ENCRYPT_FROM)));
        denied(() -> kadmin.createGrant(r -> r.keyId(key.arn()).granteePrincipal(KUSER)
                .operations(GrantOperation.ENCRYPT)));
    }
}
