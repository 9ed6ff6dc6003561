package io.kmsd.core.grant.service;

import static io.kmsd.core.grant.GrantOperation.Decrypt;
import static io.kmsd.core.grant.GrantOperation.DeriveSharedSecret;
import static io.kmsd.core.grant.GrantOperation.DescribeKey;
import static io.kmsd.core.grant.GrantOperation.Encrypt;
import static io.kmsd.core.grant.GrantOperation.GenerateDataKey;
import static io.kmsd.core.grant.GrantOperation.GenerateMac;
import static io.kmsd.core.grant.GrantOperation.GetPublicKey;
import static io.kmsd.core.grant.GrantOperation.RetireGrant;
import static io.kmsd.core.grant.GrantOperation.Sign;
import static io.kmsd.core.grant.GrantOperation.Verify;
import static io.kmsd.core.testing.KmsAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmsd.core.CreatedGrant;
import io.kmsd.core.NewGrant;
import io.kmsd.core.error.KmsError;
import io.kmsd.core.grant.Grant;
import io.kmsd.core.grant.GrantConstraints;
import io.kmsd.core.grant.GrantName;
import io.kmsd.core.grant.GrantState;
import io.kmsd.core.key.KeyArn;
import io.kmsd.core.key.KeySpec;
import io.kmsd.core.key.KeyUsage;
import io.kmsd.core.testing.Ids;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** CreateGrant (kms-api §4.9) through the public GrantService, on H2 and on PostgreSQL. */
public abstract class GrantCreationContract extends GrantFixture {

    @Test
    void createdGrantHasA64HexIdAndATokenNamingIt() { // kms-api §6 #46
        KeyArn key = symmetricKey();
        CreatedGrant created = grants.create(request(key, ALICE, Encrypt, Decrypt).withRetiringPrincipal(RETIRER));
        assertThat(created.grantId().value()).matches("[0-9a-f]{64}");
        Grant fromToken = grants.decodeToken(created.grantToken()).grant();
        assertThat(fromToken.grantId()).isEqualTo(created.grantId());
        assertThat(fromToken.keyArn()).isEqualTo(key);
        assertThat(fromToken.operations()).containsExactly(Decrypt, Encrypt);
    }

    @Test
    void createdGrantIsStoredWithEveryField() {
        KeyArn key = symmetricKey();
        GrantConstraints constraint = GrantConstraints.equalsContext(Map.of("app", "ledger", "a=b&c", "x y%"));
        CreatedGrant created = grants.create(request(key, BOB, Encrypt).withRetiringPrincipal(RETIRER)
                .withConstraints(constraint).withName(new GrantName("ledger:writer")));
        Grant stored = grants.activeGrant(key, created.grantId());
        assertThat(stored.keyArn()).isEqualTo(key);
        assertThat(stored.name()).contains(new GrantName("ledger:writer"));
        assertThat(stored.creationDate()).isEqualTo(clock.instant());
        assertThat(stored.granteePrincipal()).isEqualTo(BOB);
        assertThat(stored.retiringPrincipal()).contains(RETIRER);
        assertThat(stored.issuingAccountArn()).isEqualTo("arn:aws:iam::" + key.account() + ":root"); // §4.9
        assertThat(stored.operations()).containsExactly(Encrypt);
        assertThat(stored.constraints()).contains(constraint);
        assertThat(stored.state()).isEqualTo(GrantState.ACTIVE);
        assertThat(grants.activeGrantsFor(key)).containsExactly(stored);
    }

    @Test
    void sameNameAndParametersReturnTheSameGrantIdWithAFreshToken() { // kms-api §4.9, §6 #47
        KeyArn key = symmetricKey();
        NewGrant named = request(key, ALICE, Encrypt).withName(new GrantName("n"));
        CreatedGrant first = grants.create(named);
        clock.advance(Duration.ofMinutes(1));
        CreatedGrant second = grants.create(named);
        assertThat(second.grantId()).isEqualTo(first.grantId());
        assertThat(second.grantToken()).isNotEqualTo(first.grantToken());
        assertThat(grants.decodeToken(second.grantToken()).grant().grantId()).isEqualTo(first.grantId());
        assertThat(grants.list(key, Optional.empty(), Optional.empty(), 50, null).items()).hasSize(1);
    }

    @Test
    void sameNameWithOtherParametersOrNoNameCreatesAnotherGrant() {
        KeyArn key = symmetricKey();
        NewGrant named = request(key, ALICE, Encrypt).withName(new GrantName("n"));
        CreatedGrant first = grants.create(named);
        assertThat(grants.create(request(key, ALICE, Encrypt, Decrypt).withName(new GrantName("n"))).grantId())
                .isNotEqualTo(first.grantId());
        assertThat(grants.create(named.withRetiringPrincipal(RETIRER)).grantId()).isNotEqualTo(first.grantId());
        CreatedGrant unnamed = grants.create(request(key, ALICE, Encrypt));
        assertThat(grants.create(request(key, ALICE, Encrypt)).grantId()).isNotEqualTo(unnamed.grantId());
        KeyArn other = symmetricKey();
        assertThat(grants.create(request(other, ALICE, Encrypt).withName(new GrantName("n"))).grantId())
                .isNotEqualTo(first.grantId());
    }

    @Test
    void aRetiredGrantIsNotRepeatedByName() {
        KeyArn key = symmetricKey();
        NewGrant named = request(key, ALICE, Encrypt).withName(new GrantName("n"));
        CreatedGrant first = grants.create(named);
        grants.retire(key, first.grantId());
        assertThat(grants.create(named).grantId()).isNotEqualTo(first.grantId());
    }

    @Test
    void signOnASymmetricKeyIsAValidationError() { // kms-api §4.9 bullet 1, §6 #48
        KeyArn key = symmetricKey();
        assertFails(() -> grants.create(request(key, ALICE, Encrypt, Sign, Verify)), KmsError.Validation,
                "Grant operations [Sign, Verify] are not valid for " + key + ", whose key spec is SYMMETRIC_DEFAULT "
                        + "and key usage ENCRYPT_DECRYPT.");
        assertThat(grants.activeGrantsFor(key)).isEmpty();
    }

    @Test
    void asymmetricAndHmacKeysAcceptOnlyTheirOwnOperations() { // kms-api §4.9 bullet 1
        KeyArn rsa = storedKey(KeySpec.RSA_2048, KeyUsage.ENCRYPT_DECRYPT);
        grants.create(request(rsa, ALICE, Encrypt, Decrypt, GetPublicKey, DescribeKey, RetireGrant));
        assertFails(() -> grants.create(request(rsa, ALICE, GenerateDataKey)), KmsError.Validation,
                "Grant operations [GenerateDataKey] are not valid for " + rsa + ", whose key spec is RSA_2048 and "
                        + "key usage ENCRYPT_DECRYPT.");
        KeyArn signing = storedKey(KeySpec.ECC_NIST_P256, KeyUsage.SIGN_VERIFY);
        grants.create(request(signing, ALICE, Sign, Verify, GetPublicKey));
        assertFails(() -> grants.create(request(signing, ALICE, Encrypt)), KmsError.Validation,
                "Grant operations [Encrypt] are not valid for " + signing + ", whose key spec is ECC_NIST_P256 and "
                        + "key usage SIGN_VERIFY.");
        KeyArn hmac = storedKey(KeySpec.HMAC_256, KeyUsage.GENERATE_VERIFY_MAC);
        grants.create(request(hmac, ALICE, GenerateMac));
        assertFails(() -> grants.create(request(hmac, ALICE, GetPublicKey)), KmsError.Validation,
                "Grant operations [GetPublicKey] are not valid for " + hmac + ", whose key spec is HMAC_256 and "
                        + "key usage GENERATE_VERIFY_MAC.");
        KeyArn agreement = storedKey(KeySpec.ECC_NIST_P384, KeyUsage.KEY_AGREEMENT);
        grants.create(request(agreement, ALICE, DeriveSharedSecret));
        assertFails(() -> grants.create(request(agreement, ALICE, Sign)), KmsError.Validation,
                "Grant operations [Sign] are not valid for " + agreement + ", whose key spec is ECC_NIST_P384 and "
                        + "key usage KEY_AGREEMENT.");
    }

    @Test
    void constraintsAreAllowedOnlyOnSymmetricKeys() { // kms-api §4.9, key-policy-semantics E13
        KeyArn rsa = storedKey(KeySpec.RSA_3072, KeyUsage.ENCRYPT_DECRYPT);
        assertFails(() -> grants.create(request(rsa, ALICE, Decrypt)
                        .withConstraints(GrantConstraints.subsetOf(Map.of("a", "b")))), KmsError.Validation,
                "Grant constraints are supported only on symmetric encryption keys; " + rsa
                        + " has key spec RSA_3072.");
        KeyArn symmetric = symmetricKey();
        grants.create(request(symmetric, ALICE, Decrypt).withConstraints(GrantConstraints.subsetOf(Map.of("a", "b"))));
        assertThat(grants.activeGrantsFor(symmetric)).hasSize(1);
    }

    @Test
    void createOnAnUnknownKeyIsNotFound() {
        KeyArn unknown = Ids.unknownKey();
        assertFails(() -> grants.create(request(unknown, ALICE, Encrypt)), KmsError.NotFound,
                "Key '" + unknown + "' does not exist");
    }

    @Test
    void keyStateRulesApply() { // kms-api §3.4 CreateGrant row
        KeyArn key = symmetricKey();
        keys.disable(key);
        assertFails(() -> grants.create(request(key, ALICE, Encrypt)), KmsError.Disabled, key + " is disabled.");
        keys.scheduleDeletion(key, 7);
        assertFails(() -> grants.create(request(key, ALICE, Encrypt)), KmsError.KMSInvalidState,
                key + " is pending deletion.");
        assertThat(grants.list(key, Optional.empty(), Optional.empty(), 50, null).items()).isEmpty();
    }

    @Test
    void theFiftyThousandAndFirstGrantIsALimitError() throws Exception { // kms-api §4.9, §5
        KeyArn key = symmetricKey();
        CreatedGrant named = grants.create(request(key, ALICE, Encrypt).withName(new GrantName("n")));
        execute("UPDATE kms_key_grants SET active_grants = ? WHERE key_id = ?", 49_999, key.keyId().value());
        grants.create(request(key, ALICE, Decrypt)); // the 50,000th
        assertFails(() -> grants.create(request(key, ALICE, Decrypt)), KmsError.LimitExceeded,
                "Key " + key + " already has the maximum of 50000 grants.");
        assertFails(() -> grants.checkCreate(request(key, ALICE, Decrypt)), KmsError.LimitExceeded,
                "Key " + key + " already has the maximum of 50000 grants.");
        NewGrant repeat = request(key, ALICE, Encrypt).withName(new GrantName("n"));
        assertThat(grants.create(repeat).grantId()).isEqualTo(named.grantId()); // a repeat adds nothing
        grants.checkCreate(repeat);
        grants.revoke(key, named.grantId());
        grants.create(request(key, ALICE, Decrypt)); // room again
    }

    @Test
    void aGrantTooLargeForItsTokenIsRefusedAndNothingIsStored() throws Exception {
        KeyArn key = symmetricKey();
        Map<String, String> pairs = new HashMap<>();
        for (int i = 0; i < 8; i++) {
            pairs.put("k" + i, "€".repeat(384));
        }
        assertFails(() -> grants.create(request(key, ALICE, Decrypt)
                        .withConstraints(GrantConstraints.equalsContext(pairs))), KmsError.Validation,
                "The grant is too large for a grant token of at most 8192 characters; use fewer or shorter "
                        + "constraint pairs or principals.");
        assertThat(count("SELECT COUNT(*) FROM kms_grant")).isZero();
    }

    @Test
    void checkCreateRunsTheChecksWithoutCreatingAnything() throws Exception { // kms-api §4.0 DryRun
        KeyArn key = symmetricKey();
        grants.checkCreate(request(key, ALICE, Encrypt));
        assertFails(() -> grants.checkCreate(request(key, ALICE, Sign)), KmsError.Validation,
                "Grant operations [Sign] are not valid for " + key + ", whose key spec is SYMMETRIC_DEFAULT and "
                        + "key usage ENCRYPT_DECRYPT.");
        assertThat(count("SELECT COUNT(*) FROM kms_grant")).isZero();
        assertThat(grants.activeGrantsFor(key)).isEmpty();
    }

    @Test
    void concurrentCreatesAreSerialisedPerKey() throws Exception {
        KeyArn key = symmetricKey();
        NewGrant named = request(key, ALICE, Encrypt).withName(new GrantName("shared"));
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<CreatedGrant>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                NewGrant r = i % 2 == 0 ? named : request(key, BOB, Decrypt);
                Callable<CreatedGrant> task = () -> {
                    start.await();
                    return grants.create(r);
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            Set<Object> namedIds = new HashSet<>();
            for (int i = 0; i < threads; i++) {
                CreatedGrant created = results.get(i).get();
                if (i % 2 == 0) {
                    namedIds.add(created.grantId());
                }
            }
            assertThat(namedIds).hasSize(1); // one grant for every repeat of the named request
        } finally {
            pool.shutdownNow();
        }
        assertThat(grants.list(key, Optional.empty(), Optional.empty(), 100, null).items()).hasSize(1 + threads / 2);
        assertThat(count("SELECT active_grants FROM kms_key_grants WHERE key_id = ?", key.keyId().value()))
                .isEqualTo(1 + threads / 2);
    }
}
