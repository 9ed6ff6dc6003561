package io.kmsd.core.store;

import static io.kmsd.core.testing.Ids.ACCOUNT;
import static io.kmsd.core.testing.Ids.REGION;
import static io.kmsd.core.testing.KmsAssertions.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmsd.core.ImportParameters;
import io.kmsd.core.KeyService;
import io.kmsd.core.MaterialImport;
import io.kmsd.core.NewKey;
import io.kmsd.core.crypto.EncryptionContext;
import io.kmsd.core.crypto.Plaintext;
import io.kmsd.core.crypto.asymmetric.WrappingAlgorithm;
import io.kmsd.core.crypto.asymmetric.WrappingKeySpec;
import io.kmsd.core.error.KmsError;
import io.kmsd.core.key.KeyArn;
import io.kmsd.core.key.KeyState;
import io.kmsd.core.key.Origin;
import io.kmsd.core.testing.LocalWrap;
import io.kmsd.core.testing.MutableClock;
import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The storage contract for imported key material (kms-api §4.10, migration V4), mixed into
 * {@link KeyStoreContract} so it runs on H2 and PostgreSQL: tokens, material, binding and expiry survive a new
 * node, and go with the key.
 */
interface ImportStoreContract {
    KeyService keys();

    MutableClock clock();

    void reopenNode();

    static byte[] random32() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return b;
    }

    private KeyArn external() {
        return keys().createKey(new NewKey(ACCOUNT, REGION, null, null, null, Origin.EXTERNAL, null, null, false))
                .arn();
    }

    private MaterialImport wrapped(ImportParameters p, byte[] material, String model) {
        return new MaterialImport(p.importToken(), LocalWrap.wrap(p.publicKey(), "RSAES_OAEP_SHA_256", material),
                model, model == null ? clock().instant().plus(Duration.ofDays(10)) : null);
    }

    private ImportParameters parameters(KeyArn key) {
        return keys().parametersForImport(key, WrappingAlgorithm.RSAES_OAEP_SHA_256, WrappingKeySpec.RSA_2048);
    }

    @Test
    default void importTokenIssuedBeforeARestartStillImports() {
        KeyArn key = external();
        ImportParameters p = parameters(key);
        reopenNode();
        keys().importKeyMaterial(key, wrapped(p, random32(), "KEY_MATERIAL_DOES_NOT_EXPIRE"));
        assertThat(keys().describe(key).keyState()).isEqualTo(KeyState.Enabled);
    }

    @Test
    default void importedMaterialDecryptsAfterRestartAndTheBindingSurvivesDeletion() {
        KeyArn key = external();
        byte[] material = random32();
        keys().importKeyMaterial(key, wrapped(parameters(key), material, "KEY_MATERIAL_DOES_NOT_EXPIRE"));
        byte[] blob = keys().encrypt(key, Plaintext.of(new byte[] {7}), EncryptionContext.empty()).ciphertextBlob();
        keys().deleteImportedKeyMaterial(key, null);
        reopenNode();
        assertThat(keys().describe(key).keyState()).isEqualTo(KeyState.PendingImport);
        failure(() -> keys().importKeyMaterial(key, wrapped(parameters(key), random32(),
                "KEY_MATERIAL_DOES_NOT_EXPIRE")), KmsError.IncorrectKeyMaterial);
        keys().importKeyMaterial(key, wrapped(parameters(key), material, "KEY_MATERIAL_DOES_NOT_EXPIRE"));
        reopenNode();
        assertThat(keys().decrypt(key, blob, EncryptionContext.empty()).plaintext().bytes()).containsExactly(7);
    }

    @Test
    default void expiryIsStoredAndTheJobStepDeletesExpiredMaterial() {
        KeyArn key = external();
        keys().importKeyMaterial(key, wrapped(parameters(key), random32(), null));
        reopenNode();
        clock().advance(Duration.ofDays(9));
        assertThat(keys().expireImportedMaterial()).isZero();
        clock().advance(Duration.ofDays(2));
        assertThat(keys().expireImportedMaterial()).isEqualTo(1);
        assertThat(keys().describe(key).keyState()).isEqualTo(KeyState.PendingImport);
    }

    @Test
    default void aKeyWithTokensAndMaterialIsDeletedWithThem() {
        KeyArn key = external();
        parameters(key);
        keys().importKeyMaterial(key, wrapped(parameters(key), random32(), "KEY_MATERIAL_DOES_NOT_EXPIRE"));
        keys().disable(key);
        keys().scheduleDeletion(key, 7);
        clock().advance(Duration.ofDays(8));
        assertThat(keys().purgeExpiredDeletions()).isEqualTo(1);
        failure(() -> keys().describe(key), KmsError.NotFound);
    }
}
