package io.kmsd.core.lifecycle;

import static io.kmsd.core.testing.Ids.ACCOUNT;
import static io.kmsd.core.testing.Ids.REGION;
import static io.kmsd.core.testing.KmsAssertions.assertFails;
import static io.kmsd.core.testing.KmsAssertions.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmsd.core.ImportParameters;
import io.kmsd.core.ImportedMaterial;
import io.kmsd.core.MaterialImport;
import io.kmsd.core.NewKey;
import io.kmsd.core.crypto.EncryptionContext;
import io.kmsd.core.crypto.Plaintext;
import io.kmsd.core.crypto.asymmetric.WrappingAlgorithm;
import io.kmsd.core.crypto.asymmetric.WrappingKeySpec;
import io.kmsd.core.error.KmsError;
import io.kmsd.core.key.KeyArn;
import io.kmsd.core.key.KeyMetadata;
import io.kmsd.core.key.KeySpec;
import io.kmsd.core.key.KeyState;
import io.kmsd.core.key.KeyUsage;
import io.kmsd.core.key.Origin;
import io.kmsd.core.testing.LocalWrap;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Imported key material in core (kms-api §4.10, §3.4, §6.56–§6.58), with the injected clock. */
class ImportTest extends H2Fixture {
    private static final EncryptionContext CTX = EncryptionContext.empty();
    private static final String NEVER = "KEY_MATERIAL_DOES_NOT_EXPIRE";

    private KeyArn external() {
        return external(null, null);
    }

    private KeyArn external(KeySpec spec, KeyUsage usage) {
        return keys.createKey(new NewKey(ACCOUNT, REGION, null, spec, usage, Origin.EXTERNAL, null, null, false)).arn();
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new SecureRandom().nextBytes(b);
        return b;
    }

    private ImportParameters parameters(KeyArn key, WrappingAlgorithm algorithm) {
        return keys.parametersForImport(key, algorithm, WrappingKeySpec.RSA_2048);
    }

    private ImportedMaterial importInto(KeyArn key, WrappingAlgorithm algorithm, byte[] material) {
        ImportParameters p = parameters(key, algorithm);
        return keys.importKeyMaterial(key, new MaterialImport(p.importToken(),
                LocalWrap.wrap(p.publicKey(), algorithm.name(), material), NEVER, null));
    }

    @Test
    void externalKeyStartsPendingImportWithoutMaterial() {
        // kms-api §6.13
        KeyMetadata m = keys.describe(external());
        assertThat(m.keyState()).isEqualTo(KeyState.PendingImport);
        assertThat(m.currentKeyMaterialId()).isNull();
        assertFails(() -> keys.encrypt(m.arn(), Plaintext.of(new byte[] {1}), CTX), KmsError.KMSInvalidState,
                m.arn() + " is pending import.");
    }

    @Test
    void parametersAreValidFor24HoursAndOnlyForExternalKeys() {
        // kms-api §6.56
        KeyArn key = external();
        ImportParameters p = parameters(key, WrappingAlgorithm.RSAES_OAEP_SHA_256);
        assertThat(p.parametersValidTo()).isEqualTo(clock.instant().plus(Duration.ofHours(24)));
        assertThat(p.publicKey()).isNotEmpty();
        KeyArn aws = keys.createKey(NewKey.symmetric(ACCOUNT, REGION)).arn();
        assertFails(() -> parameters(aws, WrappingAlgorithm.RSAES_OAEP_SHA_256), KmsError.UnsupportedOperation,
                aws + " origin is AWS_KMS which is not valid for this operation.");
        failure(() -> parameters(key, WrappingAlgorithm.RSAES_PKCS1_V1_5), KmsError.Validation);
        failure(() -> keys.importKeyMaterial(aws, new MaterialImport(random(64), random(256), NEVER, null)),
                KmsError.UnsupportedOperation); // the key's origin before its token
        failure(() -> keys.parametersForImport(key, WrappingAlgorithm.SM2PKE, WrappingKeySpec.SM2),
                KmsError.UnsupportedOperation);
    }

    @Test
    void everyWrappingAlgorithmImportsAndTheKeyEncrypts() {
        for (WrappingAlgorithm a : new WrappingAlgorithm[] {WrappingAlgorithm.RSAES_OAEP_SHA_1,
                WrappingAlgorithm.RSAES_OAEP_SHA_256, WrappingAlgorithm.RSA_AES_KEY_WRAP_SHA_1,
                WrappingAlgorithm.RSA_AES_KEY_WRAP_SHA_256}) {
            KeyArn key = external();
            ImportedMaterial done = importInto(key, a, random(32));
            KeyMetadata m = keys.describe(key);
            assertThat(m.keyState()).as(a.name()).isEqualTo(KeyState.Enabled);
            assertThat(m.currentKeyMaterialId()).isEqualTo(done.keyMaterialId());
            byte[] blob = keys.encrypt(key, Plaintext.of(new byte[] {4, 2}), CTX).ciphertextBlob();
            assertThat(keys.decrypt(key, blob, CTX).plaintext().bytes()).containsExactly(4, 2);
        }
    }

    @Test
    void garbageMaterialIsInvalidCiphertextAndWrongSizeIsIncorrectMaterial() {
        KeyArn key = external();
        ImportParameters p = parameters(key, WrappingAlgorithm.RSAES_OAEP_SHA_256);
        failure(() -> keys.importKeyMaterial(key, new MaterialImport(p.importToken(), random(256), NEVER, null)),
                KmsError.InvalidCiphertext);
        byte[] short16 = LocalWrap.wrap(p.publicKey(), "RSAES_OAEP_SHA_256", random(16));
        failure(() -> keys.importKeyMaterial(key, new MaterialImport(p.importToken(), short16, NEVER, null)),
                KmsError.IncorrectKeyMaterial);
        byte[] sha1 = LocalWrap.wrap(p.publicKey(), "RSAES_OAEP_SHA_1", random(32));
        failure(() -> keys.importKeyMaterial(key, new MaterialImport(p.importToken(), sha1, NEVER, null)),
                KmsError.InvalidCiphertext);
        assertThat(keys.describe(key).keyState()).isEqualTo(KeyState.PendingImport);
    }

    @Test
    void forgedForeignAndUnknownTokensAreInvalidAndOldOnesExpired() {
        KeyArn key = external();
        KeyArn other = external();
        ImportParameters p = parameters(key, WrappingAlgorithm.RSAES_OAEP_SHA_256);
        byte[] wrapped = LocalWrap.wrap(p.publicKey(), "RSAES_OAEP_SHA_256", random(32));
        byte[] forged = p.importToken();
        forged[5] ^= 1;
        failure(() -> keys.importKeyMaterial(key, new MaterialImport(forged, wrapped, NEVER, null)),
                KmsError.InvalidImportToken);
        failure(() -> keys.importKeyMaterial(other, new MaterialImport(p.importToken(), wrapped, NEVER, null)),
                KmsError.InvalidImportToken);
        failure(() -> keys.importKeyMaterial(key, new MaterialImport(random(100), wrapped, NEVER, null)),
                KmsError.InvalidImportToken);
        clock.advance(Duration.ofHours(25));
        failure(() -> keys.importKeyMaterial(key, new MaterialImport(p.importToken(), wrapped, NEVER, null)),
                KmsError.ExpiredImportToken);
    }

    @Test
    void expirationModelAndValidToRules() {
        // kms-api §6.57
        KeyArn key = external();
        ImportParameters p = parameters(key, WrappingAlgorithm.RSAES_OAEP_SHA_256);
        byte[] wrapped = LocalWrap.wrap(p.publicKey(), "RSAES_OAEP_SHA_256", random(32));
        assertFails(() -> keys.importKeyMaterial(key, new MaterialImport(p.importToken(), wrapped, null, null)),
                KmsError.Validation, "A validTo date must be set if the ExpirationModel is KEY_MATERIAL_EXPIRES");
        failure(() -> keys.importKeyMaterial(key, new MaterialImport(p.importToken(), wrapped, NEVER,
                clock.instant().plus(Duration.ofDays(1)))), KmsError.Validation);
        failure(() -> keys.importKeyMaterial(key, new MaterialImport(p.importToken(), wrapped, null,
                clock.instant().plus(Duration.ofDays(366)))), KmsError.Validation);
        failure(() -> keys.importKeyMaterial(key, new MaterialImport(p.importToken(), wrapped, null,
                clock.instant().minusSeconds(1))), KmsError.Validation);
    }

    @Test
    void deletedMaterialNoLongerDecryptsAndTheSameMaterialRestoresIt() {
        // kms-api §6.58
        KeyArn key = external();
        byte[] material = random(32);
        importInto(key, WrappingAlgorithm.RSAES_OAEP_SHA_1, material);
        byte[] blob = keys.encrypt(key, Plaintext.of(new byte[] {9}), CTX).ciphertextBlob();
        ImportedMaterial deleted = keys.deleteImportedKeyMaterial(key, null);
        assertThat(deleted.keyMaterialId()).isNotNull();
        assertThat(keys.describe(key).keyState()).isEqualTo(KeyState.PendingImport);
        assertFails(() -> keys.decrypt(key, blob, CTX), KmsError.KMSInvalidState, key + " is pending import.");
        assertThat(keys.deleteImportedKeyMaterial(key, null).keyMaterialId()).isNull(); // no-op (§3.4)
        failure(() -> importInto(key, WrappingAlgorithm.RSAES_OAEP_SHA_1, random(32)), KmsError.IncorrectKeyMaterial);
        importInto(key, WrappingAlgorithm.RSA_AES_KEY_WRAP_SHA_256, material);
        assertThat(keys.decrypt(key, blob, CTX).plaintext().bytes()).containsExactly(9);
    }

    @Test
    void reImportOfTheSameMaterialWhileImportedChangesOnlyTheExpiry() {
        KeyArn key = external();
        byte[] material = random(32);
        importInto(key, WrappingAlgorithm.RSAES_OAEP_SHA_256, material);
        ImportParameters p = parameters(key, WrappingAlgorithm.RSAES_OAEP_SHA_256);
        keys.importKeyMaterial(key, new MaterialImport(p.importToken(), LocalWrap.wrap(p.publicKey(),
                "RSAES_OAEP_SHA_256", material), null, clock.instant().plus(Duration.ofDays(1))));
        clock.advance(Duration.ofDays(2));
        assertThat(keys.expireImportedMaterial()).isEqualTo(1);
        assertThat(keys.describe(key).keyState()).isEqualTo(KeyState.PendingImport);
        assertThat(keys.expireImportedMaterial()).isZero();
    }

    @Test
    void expiryWhilePendingDeletionKeepsTheState() {
        // kms-api §3.3: PendingImport on expiry "not while pending deletion"
        KeyArn key = external();
        ImportParameters p = parameters(key, WrappingAlgorithm.RSAES_OAEP_SHA_256);
        keys.importKeyMaterial(key, new MaterialImport(p.importToken(), LocalWrap.wrap(p.publicKey(),
                "RSAES_OAEP_SHA_256", random(32)), null, clock.instant().plus(Duration.ofDays(1))));
        keys.disable(key);
        keys.scheduleDeletion(key, 30);
        clock.advance(Duration.ofDays(2));
        assertThat(keys.expireImportedMaterial()).isEqualTo(1);
        assertThat(keys.describe(key).keyState()).isEqualTo(KeyState.PendingDeletion);
        assertThat(keys.cancelDeletion(key).keyState()).isEqualTo(KeyState.PendingImport);
    }

    @Test
    void hmacMaterialImportsInItsRangeAndNeverChanges() {
        KeyArn key = external(KeySpec.HMAC_256, KeyUsage.GENERATE_VERIFY_MAC);
        byte[] material = random(40);
        importInto(key, WrappingAlgorithm.RSAES_OAEP_SHA_256, material);
        assertThat(keys.describe(key).keyState()).isEqualTo(KeyState.Enabled);
        failure(() -> importInto(key, WrappingAlgorithm.RSAES_OAEP_SHA_256, Arrays.copyOf(material, 41)),
                KmsError.IncorrectKeyMaterial);
    }

    @Test
    void anEcPrivateKeyImportsWithAesKeyWrapAndItsSignaturesVerifyLocally() throws Exception {
        // kms-api §6.59
        KeyArn key = external(KeySpec.ECC_NIST_P256, KeyUsage.SIGN_VERIFY);
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC");
        generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        java.security.KeyPair pair = generator.generateKeyPair();
        importInto(key, WrappingAlgorithm.RSA_AES_KEY_WRAP_SHA_256, pair.getPrivate().getEncoded());
        assertThat(keys.describe(key).keyState()).isEqualTo(KeyState.Enabled);
        assertThat(keys.publicKey(key).publicKey()).isEqualTo(pair.getPublic().getEncoded());
        byte[] signature = keys.sign(key, new byte[] {1, 2}, io.kmsd.core.crypto.asymmetric.MessageType.RAW,
                io.kmsd.core.crypto.asymmetric.SigningAlgorithm.ECDSA_SHA_256);
        java.security.Signature verifier = java.security.Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(pair.getPublic());
        verifier.update(new byte[] {1, 2});
        assertThat(verifier.verify(signature)).isTrue();
        KeyArn rsa = external(KeySpec.RSA_2048, KeyUsage.SIGN_VERIFY);
        failure(() -> parameters(rsa, WrappingAlgorithm.RSAES_OAEP_SHA_256), KmsError.Validation); // §4.10 RSA_AES_*
    }

    @Test
    void importTypeAndKeyMaterialIdMustNameTheBoundMaterial() {
        // kms-api §4.10 ImportType, KeyMaterialId
        KeyArn key = external();
        byte[] material = random(32);
        String id = importInto(key, WrappingAlgorithm.RSAES_OAEP_SHA_256, material).keyMaterialId();
        keys.deleteImportedKeyMaterial(key, id);
        failure(() -> reImport(key, material, MaterialImport.EXISTING, "ab".repeat(32)), KmsError.IncorrectKeyMaterial);
        failure(() -> reImport(key, material, MaterialImport.NEW, null), KmsError.UnsupportedOperation);
        assertThat(reImport(key, material, MaterialImport.EXISTING, id).keyMaterialId()).isEqualTo(id);
        KeyArn fresh = external();
        failure(() -> reImport(fresh, material, MaterialImport.EXISTING, null), KmsError.IncorrectKeyMaterial);
        assertThat(reImport(fresh, material, MaterialImport.NEW, null).keyMaterialId()).isNotEqualTo(id);
    }

    private ImportedMaterial reImport(KeyArn key, byte[] material, String importType, String materialId) {
        ImportParameters p = parameters(key, WrappingAlgorithm.RSAES_OAEP_SHA_256);
        return keys.importKeyMaterial(key, new MaterialImport(p.importToken(),
                LocalWrap.wrap(p.publicKey(), "RSAES_OAEP_SHA_256", material), NEVER, null, importType, materialId));
    }

    @Test
    void importedKeysDoNotRotate() {
        KeyArn key = external();
        importInto(key, WrappingAlgorithm.RSAES_OAEP_SHA_256, random(32));
        failure(() -> keys.enableKeyRotation(key, null), KmsError.UnsupportedOperation);
        failure(() -> keys.rotateOnDemand(key), KmsError.UnsupportedOperation);
        assertThat(keys.rotationStatus(key).keyRotationEnabled()).isFalse();
    }

    @Test
    void listKeyRotationsShowsTheMaterialOfAnExternalSymmetricKey() {
        // kms-api §3.4: ListKeyRotations ✓ for EXTERNAL symmetric keys, also while PendingImport
        KeyArn key = external();
        assertThat(keys.listRotations(key, true, 10, null).items()).isEmpty();
        ImportedMaterial done = importInto(key, WrappingAlgorithm.RSAES_OAEP_SHA_256, random(32));
        assertThat(keys.listRotations(key, false, 10, null).items()).isEmpty();
        assertThat(keys.listRotations(key, true, 10, null).items()).singleElement()
                .satisfies(r -> assertThat(r.keyMaterialId()).isEqualTo(done.keyMaterialId()));
        KeyArn hmac = external(KeySpec.HMAC_256, KeyUsage.GENERATE_VERIFY_MAC);
        failure(() -> keys.listRotations(hmac, true, 10, null), KmsError.UnsupportedOperation);
    }
}
