package io.kmsd.core.lifecycle;

import io.kmsd.core.ImportParameters;
import io.kmsd.core.ImportedMaterial;
import io.kmsd.core.MaterialImport;
import io.kmsd.core.crypto.MaterialVault;
import io.kmsd.core.crypto.asymmetric.AsymmetricKey;
import io.kmsd.core.crypto.asymmetric.DataKeyPair;
import io.kmsd.core.crypto.asymmetric.KeyImport;
import io.kmsd.core.crypto.asymmetric.PrivateMaterial;
import io.kmsd.core.crypto.asymmetric.WrappingAlgorithm;
import io.kmsd.core.crypto.asymmetric.WrappingKeySpec;
import io.kmsd.core.error.KmsError;
import io.kmsd.core.error.KmsException;
import io.kmsd.core.key.KeyArn;
import io.kmsd.core.key.KeyOperation;
import io.kmsd.core.key.KeyState;
import io.kmsd.core.key.KeyStateTable;
import io.kmsd.core.key.Origin;
import io.kmsd.core.store.ImportTokenRecord;
import io.kmsd.core.store.ImportedMaterialRecord;
import io.kmsd.core.store.KeyRecord;
import io.kmsd.core.store.KeyStore;
import io.kmsd.core.store.KeyTx;
import io.kmsd.core.store.MaterialRecord;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

/**
 * Imported key material (kms-api §4.10): wrapping parameters with their token, the import itself, deletion, and
 * the expiry job step. An EXTERNAL key holds at most one material (version 1); the id of the first material ever
 * imported stays bound to the key, so only that material can come back after a deletion or expiry.
 */
final class ImportOps {
    /** kms-api §5: import parameters are valid 24 h; ValidTo at most 365 days ahead. */
    static final Duration PARAMETERS_VALID = Duration.ofHours(24);
    static final Duration MAX_VALID_TO = Duration.ofDays(365);
    private static final int MATERIAL_VERSION = 1;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyStore store;
    private final KeyCache cache;
    private final MaterialVault vault;
    private final Clock clock;
    private final boolean allowSm2;

    ImportOps(KeyStore store, KeyCache cache, MaterialVault vault, Clock clock, boolean allowSm2) {
        this.store = store;
        this.cache = cache;
        this.vault = vault;
        this.clock = clock;
        this.allowSm2 = allowSm2;
    }

    ImportParameters parameters(KeyArn arn, WrappingAlgorithm algorithm, WrappingKeySpec spec) {
        KeyRecord key = checked(cache.get(arn).record(), KeyOperation.GetParametersForImport);
        if (spec == WrappingKeySpec.SM2 && !allowSm2) {
            throw new KmsException(KmsError.UnsupportedOperation, "WrappingKeySpec SM2 is not enabled on this server.");
        }
        KeyImport.checkParameters(key.keySpec(), algorithm, spec);
        DataKeyPair pair = KeyImport.generateWrappingKey(spec);
        byte[] tokenId = new byte[ImportToken.ID_BYTES];
        RANDOM.nextBytes(tokenId);
        ImportToken token = new ImportToken(tokenId, now().plus(PARAMETERS_VALID), arn);
        byte[] wrapped = wrapPrivate(arn, tokenId, pair.privateKey());
        store.write(tx -> {
            tx.insertImportToken(new ImportTokenRecord(token.tokenIdHex(), arn, spec.name(), algorithm.name(),
                    wrapped, token.validTo()));
            return null;
        });
        return new ImportParameters(arn, token.encode(vault), pair.publicKey(), token.validTo());
    }

    ImportedMaterial importMaterial(KeyArn arn, MaterialImport request) {
        Instant now = now();
        Expiry expiry = expiry(request, now);
        KeyRecord key = checked(cache.get(arn).record(), KeyOperation.ImportKeyMaterial);
        ImportToken token = ImportToken.verify(request.importToken(), arn, vault);
        ImportTokenRecord row = store.read(tx -> tx.importToken(token.tokenIdHex()))
                .filter(r -> r.arn().equals(arn)).orElseThrow(ImportToken::invalid);
        if (row.validTo().isBefore(now)) {
            throw new KmsException(KmsError.ExpiredImportToken, "The import token has expired.");
        }
        PrivateMaterial material = unwrap(row, token, request.encryptedKeyMaterial(), key);
        MaterialVault.WrappedSecret stored = wrapMaterial(arn, material);
        store.write(tx -> bind(tx, arn, stored, expiry, request));
        cache.afterWrite(arn);
        return new ImportedMaterial(arn, stored.materialId());
    }

    /** kms-api §4.10: {@code KeyMaterialId} null means the current one; no material → no-op. */
    ImportedMaterial deleteMaterial(KeyArn arn, String keyMaterialId) {
        String deleted = store.write(tx -> {
            KeyRecord key = checked(tx.lockKey(arn).orElseThrow(() -> Errors.keyNotFound(arn)),
                    KeyOperation.DeleteImportedKeyMaterial);
            ImportedMaterialRecord bound = tx.importedMaterial(arn).orElse(null);
            if (keyMaterialId != null && (bound == null || !bound.materialId().equals(keyMaterialId))) {
                throw KmsException.validation("Key material " + keyMaterialId + " is not the material of " + arn + ".");
            }
            return key.currentMaterial() == null ? null : removeMaterial(tx, key, bound);
        });
        cache.afterWrite(arn);
        return new ImportedMaterial(arn, deleted);
    }

    /** The expiry job step: deletes material past its ValidTo (kms-api §4.10); returns how many keys lost it. */
    int expireDue() {
        Instant now = now();
        int expired = 0;
        for (KeyArn arn : store.read(tx -> tx.dueForMaterialExpiry(now, 1000))) {
            expired += store.write(tx -> expireIfDue(tx, arn, now)) ? 1 : 0;
            cache.afterWrite(arn);
        }
        store.write(tx -> tx.deleteImportTokensBefore(now));
        return expired;
    }

    private boolean expireIfDue(KeyTx tx, KeyArn arn, Instant now) {
        KeyRecord key = tx.lockKey(arn).orElse(null);
        ImportedMaterialRecord bound = tx.importedMaterial(arn).orElse(null);
        if (key == null || bound == null || bound.validTo() == null || bound.validTo().isAfter(now)) {
            return false; // changed since the listing
        }
        removeMaterial(tx, key, bound);
        return true;
    }

    /** Deletes the material; PendingImport unless pending deletion (kms-api §3.3). Returns its id. */
    private static String removeMaterial(KeyTx tx, KeyRecord key, ImportedMaterialRecord bound) {
        tx.deleteMaterials(key.arn());
        boolean pendingDeletion = key.state() == KeyState.PendingDeletion
                || key.state() == KeyState.PendingReplicaDeletion;
        KeyRecord updated = key.withCurrentMaterial(null);
        tx.updateKey(pendingDeletion ? updated : updated.withState(KeyState.PendingImport, null));
        tx.putImportedMaterial(bound.withoutMaterial());
        return bound.materialId();
    }

    /** The ExpirationModel and ValidTo of an accepted request. */
    private record Expiry(String model, Instant validTo) {
    }

    /**
     * kms-api §4.10: the material must be the one bound before (asymmetric/HMAC material never changes; this server
     * keeps one material per EXTERNAL key, so the same holds for symmetric keys). {@code KeyMaterialId} must name
     * it; NEW_KEY_MATERIAL on a key that has a material would start an imported-material rotation (unsupported).
     */
    private static void checkBinding(ImportedMaterialRecord bound, String materialId, MaterialImport request) {
        if (bound != null && MaterialImport.NEW.equals(request.importType())) {
            throw new KmsException(KmsError.UnsupportedOperation, "This server keeps one key material per "
                    + "EXTERNAL key: import the same material with ImportType EXISTING_KEY_MATERIAL.");
        }
        boolean matches = bound == null ? request.keyMaterialId() == null && !MaterialImport.EXISTING.equals(
                request.importType()) : bound.materialId().equals(materialId)
                && (request.keyMaterialId() == null || request.keyMaterialId().equals(materialId));
        if (!matches) {
            throw new KmsException(KmsError.IncorrectKeyMaterial, "The key material does not match the key "
                    + "material previously imported into this KMS key.");
        }
    }

    private Void bind(KeyTx tx, KeyArn arn, MaterialVault.WrappedSecret stored, Expiry expiry, MaterialImport request) {
        KeyRecord key = checked(tx.lockKey(arn).orElseThrow(() -> Errors.keyNotFound(arn)),
                KeyOperation.ImportKeyMaterial);
        checkBinding(tx.importedMaterial(arn).orElse(null), stored.materialId(), request);
        if (key.currentMaterial() == null) {
            tx.insertMaterial(new MaterialRecord(arn, MATERIAL_VERSION, stored.materialId(), stored.wrapped(), now()));
            KeyRecord withMaterial = key.withCurrentMaterial(MATERIAL_VERSION);
            tx.updateKey(key.state() == KeyState.PendingImport ? withMaterial.withState(KeyState.Enabled, null)
                    : withMaterial);
        } else {
            tx.touch(arn); // only the expiry changes: other nodes must still reload the metadata
        }
        tx.putImportedMaterial(new ImportedMaterialRecord(arn, stored.materialId(), expiry.model(),
                expiry.validTo()));
        return null;
    }

    /** kms-api §4.10 ExpirationModel/ValidTo rules. */
    private static Expiry expiry(MaterialImport request, Instant now) {
        String model = request.expirationModel() == null ? ImportedMaterialRecord.EXPIRES : request.expirationModel();
        Instant validTo = request.validTo();
        if (ImportedMaterialRecord.EXPIRES.equals(model) && validTo == null) {
            throw KmsException.validation("A validTo date must be set if the ExpirationModel is KEY_MATERIAL_EXPIRES");
        }
        if (ImportedMaterialRecord.DOES_NOT_EXPIRE.equals(model) && validTo != null) {
            throw KmsException.validation("A validTo date must not be set if the ExpirationModel is "
                    + "KEY_MATERIAL_DOES_NOT_EXPIRE");
        }
        if (validTo != null && (!validTo.isAfter(now) || validTo.isAfter(now.plus(MAX_VALID_TO)))) {
            throw KmsException.validation("ValidTo must be in the future and at most 365 days from now.");
        }
        return new Expiry(model, validTo);
    }

    private PrivateMaterial unwrap(ImportTokenRecord row, ImportToken token, byte[] encrypted, KeyRecord key) {
        byte[] pkcs8 = vault.unwrapImportKey(row.arn(), token.tokenId(), row.wrappedPrivateKey());
        PrivateMaterial wrappingPrivate = PrivateMaterial.of(WrappingKeySpec.valueOf(row.wrappingKeySpec()).keySpec(),
                pkcs8);
        Arrays.fill(pkcs8, (byte) 0);
        try {
            return KeyImport.unwrap(AsymmetricKey.parse(wrappingPrivate),
                    WrappingAlgorithm.valueOf(row.wrappingAlgorithm()), encrypted, key.keySpec());
        } finally {
            wrappingPrivate.destroy();
        }
    }

    private byte[] wrapPrivate(KeyArn arn, byte[] tokenId, PrivateMaterial privateKey) {
        byte[] pkcs8 = privateKey.encoded();
        try {
            return vault.wrapImportKey(arn, tokenId, pkcs8);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
            privateKey.destroy();
        }
    }

    private MaterialVault.WrappedSecret wrapMaterial(KeyArn arn, PrivateMaterial material) {
        byte[] secret = material.encoded();
        try {
            return vault.wrapSecret(arn, MATERIAL_VERSION, secret);
        } finally {
            Arrays.fill(secret, (byte) 0);
            material.destroy();
        }
    }

    /** §3.4 for {@code op}, then kms-api §4.10: only EXTERNAL keys take imported material. */
    private static KeyRecord checked(KeyRecord key, KeyOperation op) {
        KeyStateTable.check(op, key.state(), key.arn());
        if (key.origin() != Origin.EXTERNAL) {
            throw new KmsException(KmsError.UnsupportedOperation, key.arn() + " origin is " + key.origin()
                    + " which is not valid for this operation.");
        }
        return key;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
