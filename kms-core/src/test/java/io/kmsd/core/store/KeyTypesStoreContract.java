package io.kmsd.core.store;

import static io.kmsd.core.testing.Ids.ACCOUNT;
import static io.kmsd.core.testing.Ids.REGION;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmsd.core.KeyRotation;
import io.kmsd.core.KeyService;
import io.kmsd.core.NewKey;
import io.kmsd.core.crypto.EncryptionContext;
import io.kmsd.core.crypto.Plaintext;
import io.kmsd.core.crypto.asymmetric.MacAlgorithm;
import io.kmsd.core.crypto.asymmetric.MessageType;
import io.kmsd.core.crypto.asymmetric.SigningAlgorithm;
import io.kmsd.core.key.KeyArn;
import io.kmsd.core.key.KeySpec;
import io.kmsd.core.key.KeyUsage;
import io.kmsd.core.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The storage contract for non-symmetric material and rotation (kms-api §4.6, §4.7), mixed into
 * {@link KeyStoreContract} so it runs on H2 and PostgreSQL.
 */
interface KeyTypesStoreContract {
    byte[] MESSAGE = {1, 2, 3};

    KeyService keys();

    MutableClock clock();

    /** A new node on the same database, with empty caches. */
    void reopenNode();

    private KeyArn create(KeySpec spec, KeyUsage usage) {
        return keys().createKey(new NewKey(ACCOUNT, REGION, null, spec, usage, null, null, null, false)).arn();
    }

    @Test
    default void asymmetricAndHmacMaterialIsUsableAfterReopen() {
        KeyArn signer = create(KeySpec.ECC_NIST_P256, KeyUsage.SIGN_VERIFY);
        KeyArn mac = create(KeySpec.HMAC_512, KeyUsage.GENERATE_VERIFY_MAC);
        byte[] publicKey = keys().publicKey(signer).publicKey();
        byte[] signature = keys().sign(signer, MESSAGE, MessageType.RAW, SigningAlgorithm.ECDSA_SHA_256);
        byte[] tag = keys().generateMac(mac, MESSAGE, MacAlgorithm.HMAC_SHA_512);
        reopenNode();
        keys().verify(signer, MESSAGE, MessageType.RAW, signature, SigningAlgorithm.ECDSA_SHA_256);
        keys().verifyMac(mac, MESSAGE, tag, MacAlgorithm.HMAC_SHA_512);
        assertThat(keys().publicKey(signer).publicKey()).isEqualTo(publicKey);
    }

    @Test
    default void rotationsAreDurableAndDeletedWithTheKey() {
        KeyArn key = keys().createKey(NewKey.symmetric(ACCOUNT, REGION)).arn();
        byte[] first = keys().encrypt(key, Plaintext.of(MESSAGE), EncryptionContext.empty()).ciphertextBlob();
        keys().enableKeyRotation(key, 100);
        keys().rotateOnDemand(key);
        clock().advance(Duration.ofDays(100));
        assertThat(keys().rotateDue()).isEqualTo(1);
        reopenNode();
        assertThat(keys().rotationStatus(key).rotationPeriodInDays()).isEqualTo(100);
        assertThat(keys().listRotations(key, false, 10, null).items()).extracting(KeyRotation::rotationType)
                .containsExactly("ON_DEMAND", "AUTOMATIC");
        assertThat(keys().decrypt(key, first, EncryptionContext.empty()).plaintext().bytes()).isEqualTo(MESSAGE);
        keys().disable(key);
        keys().scheduleDeletion(key, 7);
        clock().advance(Duration.ofDays(7));
        assertThat(keys().purgeExpiredDeletions()).isEqualTo(1);
    }
}
