package io.kmsd.core.lifecycle;

import io.kmsd.core.NewKey;
import io.kmsd.core.Page;
import io.kmsd.core.crypto.MaterialVault;
import io.kmsd.core.crypto.asymmetric.MaterialGenerator;
import io.kmsd.core.crypto.asymmetric.PrivateMaterial;
import io.kmsd.core.error.KmsError;
import io.kmsd.core.error.KmsException;
import io.kmsd.core.key.AccountId;
import io.kmsd.core.key.KeyArn;
import io.kmsd.core.key.KeyId;
import io.kmsd.core.key.KeyMetadata;
import io.kmsd.core.key.KeyOperation;
import io.kmsd.core.key.KeySpec;
import io.kmsd.core.key.KeyState;
import io.kmsd.core.key.KeyStateTable;
import io.kmsd.core.key.KeyUsage;
import io.kmsd.core.key.Origin;
import io.kmsd.core.key.Region;
import io.kmsd.core.key.Tag;
import io.kmsd.core.store.AliasRecord;
import io.kmsd.core.store.KeyRecord;
import io.kmsd.core.store.KeyStore;
import io.kmsd.core.store.KeyTx;
import io.kmsd.core.store.MaterialRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** Key lifecycle (kms-api §4.1) and key policies: every change locks the key row and checks §3.4 first. */
final class KeyLifecycle {
    private final KeyStore store;
    private final KeyCache cache;
    private final MaterialVault vault;
    private final Clock clock;
    private final boolean requireDisabledBeforeDeletion;
    private final boolean allowSm2;

    KeyLifecycle(KeyStore store, KeyCache cache, MaterialVault vault, Clock clock, boolean requireDisabled,
                 boolean allowSm2) {
        this.allowSm2 = allowSm2;
        this.store = store;
        this.cache = cache;
        this.vault = vault;
        this.clock = clock;
        this.requireDisabledBeforeDeletion = requireDisabled;
    }

    KeyMetadata create(NewKey request) {
        KeyUsage usage = validateSpecAndUsage(request.keySpec(), request.keyUsage());
        requireAllowedSpec(request.keySpec());
        requireSupportedOrigin(request.origin());
        Limits.description(request.description());
        TagOps.validateNew(request.tags(), List.of());
        String policy = request.policy() == null ? DefaultKeyPolicy.forAccount(request.account()) : request.policy();
        Limits.policy(policy);
        KeyArn arn = new KeyArn(request.region(), request.account(), newKeyId(request.multiRegion()));
        Instant now = now();
        boolean external = request.origin() == Origin.EXTERNAL;
        KeyRecord key = new KeyRecord(arn, now, request.description(), request.keySpec(), usage, request.origin(),
                KeyMetadata.CUSTOMER, request.multiRegion(), external ? KeyState.PendingImport : KeyState.Enabled,
                null, policy, external ? null : 1, 0);
        MaterialRecord material = external ? null : newMaterial(arn, request.keySpec(), 1, now);
        store.write(tx -> insert(tx, key, material, request.tags(), now));
        return cache.reload(arn).facts().metadata();
    }

    /** kms-api §4.1 CreateKey rules on KeySpec and KeyUsage, with the spec's exact messages. */
    static KeyUsage validateSpecAndUsage(KeySpec spec, KeyUsage usage) {
        if (usage == null) {
            if (spec.requiresExplicitUsage()) {
                throw KmsException.validation("You must specify a KeyUsage value for all KMS keys except for "
                        + "symmetric encryption keys.");
            }
            return KeyUsage.ENCRYPT_DECRYPT;
        }
        if (!spec.supports(usage)) {
            throw KmsException.validation("KeyUsage " + usage + " is not compatible with KeySpec " + spec);
        }
        return usage;
    }

    /** kms-api §3.2: SM2 is AWS China only; ours behind CoreConfig {@code allowSm2}. */
    private void requireAllowedSpec(KeySpec spec) {
        if (spec == KeySpec.SM2 && !allowSm2) {
            throw new KmsException(KmsError.UnsupportedOperation,
                    "KeySpec SM2 is not enabled on this server (configuration kms.crypto.allowSm2 is false).");
        }
    }

    /** New material of {@code spec}, wrapped under the root key for storage; nothing raw is kept. */
    MaterialRecord newMaterial(KeyArn arn, KeySpec spec, int version, Instant now) {
        if (spec == KeySpec.SYMMETRIC_DEFAULT) {
            MaterialVault.Generated g = vault.generate(arn, version);
            return new MaterialRecord(arn, version, g.material().materialId(), g.wrapped(), now);
        }
        PrivateMaterial material = MaterialGenerator.generate(spec);
        byte[] secret = material.encoded();
        try {
            MaterialVault.WrappedSecret w = vault.wrapSecret(arn, version, secret);
            return new MaterialRecord(arn, version, w.materialId(), w.wrapped(), now);
        } finally {
            Arrays.fill(secret, (byte) 0);
            material.destroy();
        }
    }

    private static void requireSupportedOrigin(Origin origin) {
        if (origin == Origin.AWS_CLOUDHSM || origin == Origin.EXTERNAL_KEY_STORE) {
            throw new KmsException(KmsError.UnsupportedOperation,
                    "Origin " + origin + " needs a custom key store, which is not supported");
        }
    }

    private static Void insert(KeyTx tx, KeyRecord key, MaterialRecord material, List<Tag> tags, Instant now) {
        tx.insertKey(key);
        if (material != null) {
            tx.insertMaterial(material);
        }
        tags.forEach(t -> tx.putTag(key.arn(), t));
        return null;
    }

    private static KeyId newKeyId(boolean multiRegion) {
        if (!multiRegion) {
            return KeyId.random();
        }
        UUID u = UUID.randomUUID();
        return new KeyId("mrk-" + HexFormat.of().toHexDigits(u.getMostSignificantBits())
                + HexFormat.of().toHexDigits(u.getLeastSignificantBits()));
    }

    KeyMetadata describe(KeyArn arn) {
        CachedKey key = cache.get(arn);
        KeyStateTable.check(KeyOperation.DescribeKey, key.state(), arn);
        return key.facts().metadata();
    }

    Page<KeyArn> list(AccountId account, Region region, int limit, String marker) {
        Limits.listLimit(limit);
        String after = Markers.decode(marker);
        List<KeyArn> found = store.read(tx -> tx.keys(account, region, after, limit + 1));
        boolean more = found.size() > limit;
        List<KeyArn> page = more ? found.subList(0, limit) : found;
        return new Page<>(page, Markers.next(more, more ? page.get(limit - 1).keyId().value() : null));
    }

    void enable(KeyArn arn) {
        change(arn, KeyOperation.EnableKey, k -> k.state() == KeyState.Enabled ? k : k.withState(KeyState.Enabled,
                null));
    }

    void disable(KeyArn arn) {
        change(arn, KeyOperation.DisableKey, k -> k.state() == KeyState.Disabled ? k : k.withState(KeyState.Disabled,
                null));
    }

    void updateDescription(KeyArn arn, String description) {
        Limits.description(description);
        change(arn, KeyOperation.UpdateKeyDescription, k -> k.withDescription(description == null ? "" : description));
    }

    KeyMetadata scheduleDeletion(KeyArn arn, int days) {
        Limits.pendingWindow(days);
        Instant deletionDate = now().plus(Duration.ofDays(days));
        writeChecked(arn, k -> {
            KeyStateTable.checkScheduleDeletion(k.state(), arn, requireDisabledBeforeDeletion);
            return k.withState(KeyState.PendingDeletion, deletionDate);
        });
        return cache.get(arn).facts().metadata();
    }

    /** Back to Disabled (PendingImport if the key has no material), kms-api §4.1 CancelKeyDeletion. */
    KeyMetadata cancelDeletion(KeyArn arn) {
        change(arn, KeyOperation.CancelKeyDeletion,
                k -> k.withState(k.currentMaterial() == null ? KeyState.PendingImport : KeyState.Disabled, null));
        return cache.get(arn).facts().metadata();
    }

    void putPolicy(KeyArn arn, String policy) {
        Limits.policy(policy);
        change(arn, KeyOperation.PutKeyPolicy, k -> k.withPolicy(policy));
    }

    String policy(KeyArn arn) {
        CachedKey key = cache.get(arn);
        KeyStateTable.check(KeyOperation.GetKeyPolicy, key.state(), arn);
        return key.facts().policy();
    }

    /**
     * Deletes every key whose window has passed; each in its own transaction, re-checked under lock. Returns the
     * keys deleted here (for their audit events), not those another node deleted meanwhile.
     */
    List<KeyArn> purgeExpired() {
        Instant now = now();
        List<KeyArn> deleted = new ArrayList<>();
        List<KeyArn> due;
        do {
            due = store.read(tx -> tx.dueForDeletion(now, 100));
            for (KeyArn arn : due) {
                if (purge(arn, now)) {
                    deleted.add(arn);
                }
            }
        } while (due.size() == 100);
        return List.copyOf(deleted);
    }

    private boolean purge(KeyArn arn, Instant now) {
        List<AliasRecord> aliases = store.read(tx -> tx.aliasesOf(arn));
        boolean deleted = store.write(tx -> tx.lockKey(arn)
                .filter(k -> k.state() == KeyState.PendingDeletion && !k.deletionDate().isAfter(now))
                .map(k -> {
                    tx.deleteKey(arn);
                    return true;
                }).orElse(false));
        if (deleted) {
            cache.forget(arn);
            aliases.forEach(a -> cache.forgetAlias(a.arn()));
        }
        return deleted;
    }

    /** Locks the key, checks §3.4 for {@code op}, writes the change (if any), refreshes the cache. */
    private void change(KeyArn arn, KeyOperation op, UnaryOperator<KeyRecord> update) {
        writeChecked(arn, k -> {
            KeyStateTable.check(op, k.state(), arn);
            return update.apply(k);
        });
    }

    private void writeChecked(KeyArn arn, UnaryOperator<KeyRecord> checkedUpdate) {
        boolean changed = store.write(tx -> {
            KeyRecord current = tx.lockKey(arn).orElseThrow(() -> {
                cache.forget(arn); // deleted by another node
                return Errors.keyNotFound(arn);
            });
            KeyRecord updated = checkedUpdate.apply(current);
            if (updated.equals(current)) {
                return false;
            }
            tx.updateKey(updated);
            return true;
        });
        if (changed) {
            cache.afterWrite(arn);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
