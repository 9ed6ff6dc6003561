package io.kmsd.core.lifecycle;

import io.kmsd.core.alias.AliasArn;
import io.kmsd.core.alias.AliasName;
import io.kmsd.core.crypto.KeyMaterial;
import io.kmsd.core.crypto.KeyRing;
import io.kmsd.core.crypto.MaterialVault;
import io.kmsd.core.crypto.asymmetric.AsymmetricKey;
import io.kmsd.core.crypto.asymmetric.HmacKey;
import io.kmsd.core.crypto.asymmetric.PrivateMaterial;
import io.kmsd.core.key.KeySpec;
import io.kmsd.core.key.KeyArn;
import io.kmsd.core.key.Origin;
import io.kmsd.core.key.KeyId;
import io.kmsd.core.key.Region;
import io.kmsd.core.key.Tag;
import io.kmsd.core.store.AliasRecord;
import io.kmsd.core.store.KeyRecord;
import io.kmsd.core.store.KeyStore;
import io.kmsd.core.store.ImportedMaterialRecord;
import io.kmsd.core.store.MaterialRecord;
import io.kmsd.core.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's memory of keys, so that a request on an unchanged key reads nothing from the database:
 * facts and unwrapped materials per key, alias targets, and key-id → ARN for ciphertexts.
 *
 * <p>Consistency: this node's writers call {@link #reload} after their commit, so this node sees its own
 * writes at once. Other nodes' writes are seen after at most the refresh interval: an entry older than
 * that re-reads the key's {@code row_version} (one small query, by one thread; others keep using the
 * entry meanwhile) and reloads if it changed or drops it if the key is gone. Entries are replaced only by
 * entries of an equal or higher row version, so a slow loader cannot put back an older snapshot. If the
 * database is unreachable during a check, the entry stays in use (crypto keeps working) and is checked
 * again after the next interval.
 */
final class KeyCache {
    private static final Logger LOG = LoggerFactory.getLogger(KeyCache.class);

    private final KeyStore store;
    private final MaterialVault vault;
    private final Clock clock;
    private final long refreshMillis;
    private final ConcurrentMap<KeyArn, CachedKey> keys = new ConcurrentHashMap<>();
    private final ConcurrentMap<AliasArn, CachedAlias> aliases = new ConcurrentHashMap<>();
    private final ConcurrentMap<RegionalId, KeyArn> byId = new ConcurrentHashMap<>();
    /** Counts this node's alias writes, so a read that raced one does not cache what it saw. */
    private final AtomicLong aliasWrites = new AtomicLong();

    private record RegionalId(Region region, KeyId keyId) {
    }

    /** An alias target as of a time; checked again after the refresh interval. */
    private record CachedAlias(KeyId target, AtomicLong nextCheckMillis) {
    }

    KeyCache(KeyStore store, MaterialVault vault, Clock clock, Duration refreshInterval) {
        this.store = store;
        this.vault = vault;
        this.clock = clock;
        this.refreshMillis = refreshInterval.toMillis();
    }

    /** The key, fresh within the refresh interval; NotFound if it does not exist (any more). */
    CachedKey get(KeyArn arn) {
        CachedKey entry = keys.get(arn);
        if (entry == null) {
            return reload(arn);
        }
        long now = clock.millis();
        if (entry.claimCheck(now, now + refreshMillis)) {
            return revalidate(entry);
        }
        return entry;
    }

    /** Reads the key from the database now and caches it; NotFound if it does not exist. */
    CachedKey reload(KeyArn arn) {
        Snapshot snapshot = store.read(tx -> tx.key(arn).map(k -> new Snapshot(k, tx.materials(arn), tx.tags(arn),
                tx.aliasesOf(arn), k.origin() == Origin.EXTERNAL ? tx.importedMaterial(arn).orElse(null) : null)))
                .orElseThrow(() -> {
                    forget(arn);
                    return Errors.keyNotFound(arn);
                });
        CachedKey fresh = build(snapshot, keys.get(arn));
        byId.put(new RegionalId(arn.region(), arn.keyId()), arn);
        return keys.merge(arn, fresh, (old, neu) -> neu.rowVersion() >= old.rowVersion() ? neu : old);
    }

    /**
     * After this node committed a change: re-read the key so the next request sees it. If that read
     * fails the entry is dropped instead; the committed change must not be reported as failed.
     */
    void afterWrite(KeyArn arn) {
        try {
            reload(arn);
        } catch (RuntimeException e) {
            forget(arn);
        }
    }

    /** Forgets a key (deleted, or changed by this node and to be re-read on next use). */
    void forget(KeyArn arn) {
        keys.remove(arn);
        byId.remove(new RegionalId(arn.region(), arn.keyId()));
    }

    void forgetAlias(AliasArn alias) {
        aliasWrites.incrementAndGet();
        aliases.remove(alias);
    }

    /** The ARN of the key with this id in the Region (any account); empty if there is none. */
    Optional<KeyArn> keyById(Region region, KeyId keyId) {
        RegionalId id = new RegionalId(region, keyId);
        KeyArn known = byId.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<KeyArn> found = store.read(tx -> tx.keyById(region, keyId));
        found.ifPresent(arn -> byId.put(id, arn));
        return found;
    }

    /** The key an alias points at, fresh within the refresh interval. */
    Optional<KeyId> aliasTarget(AliasArn alias) {
        CachedAlias entry = aliases.get(alias);
        long now = clock.millis();
        if (entry != null) {
            long due = entry.nextCheckMillis().get();
            if (now < due || !entry.nextCheckMillis().compareAndSet(due, now + refreshMillis)) {
                return Optional.of(entry.target());
            }
        }
        long writes = aliasWrites.get();
        Optional<KeyId> target;
        try {
            target = store.read(tx -> tx.alias(alias)).map(AliasRecord::target);
        } catch (StoreException e) {
            if (entry == null) {
                throw e;
            }
            LOG.warn("cannot check {} for changes, using the cached target: {}", alias, e.getMessage());
            return Optional.of(entry.target());
        }
        if (target.isEmpty()) {
            aliases.remove(alias);
            return target;
        }
        aliases.put(alias, new CachedAlias(target.get(), new AtomicLong(now + refreshMillis)));
        if (writes != aliasWrites.get()) {
            aliases.remove(alias); // a write of this node raced the read: do not keep what we saw
        }
        return target;
    }

    private CachedKey revalidate(CachedKey entry) {
        KeyArn arn = entry.arn();
        OptionalLong version;
        try {
            version = store.read(tx -> tx.rowVersion(arn));
        } catch (StoreException e) {
            LOG.warn("cannot check {} for changes, using the cached copy: {}", arn, e.getMessage());
            return entry;
        }
        if (version.isEmpty()) {
            keys.remove(arn, entry);
            throw Errors.keyNotFound(arn);
        }
        return version.getAsLong() == entry.rowVersion() ? entry : reload(arn);
    }

    private CachedKey build(Snapshot s, CachedKey previous) {
        KeyHandles handles = handles(s, previous);
        List<AliasName> names = s.aliases().stream().map(a -> a.arn().name()).toList();
        return new CachedKey(s.key(), s.tags(), names, handles, s.imported(), clock.millis() + refreshMillis);
    }

    /** Reuses the previous handles when the materials did not change, so a tag change unwraps nothing. */
    private KeyHandles handles(Snapshot s, CachedKey previous) {
        if (s.materials().isEmpty()) {
            return null;
        }
        List<String> ids = s.materials().stream().map(m -> m.version() + ":" + m.materialId()).toList();
        if (previous != null && previous.handles() != null && previous.handles().materialIds().equals(ids)) {
            return previous.handles();
        }
        KeySpec spec = s.key().keySpec();
        if (spec.keyClass() == KeySpec.KeyClass.SYMMETRIC) {
            List<KeyMaterial> unwrapped = new ArrayList<>();
            for (MaterialRecord m : s.materials()) {
                unwrapped.add(vault.unwrap(m.arn(), m.version(), m.materialId(), m.wrapped()));
            }
            return new KeyHandles(new KeyRing(s.key().arn().keyId(), unwrapped), null, null, ids);
        }
        return parsed(spec, s.materials().get(s.materials().size() - 1), ids);
    }

    /** Asymmetric and HMAC keys have one material (no rotation): parsed once here. */
    private KeyHandles parsed(KeySpec spec, MaterialRecord m, List<String> ids) {
        byte[] secret = vault.unwrapSecret(m.arn(), m.version(), m.materialId(), m.wrapped());
        PrivateMaterial material = PrivateMaterial.of(spec, secret);
        java.util.Arrays.fill(secret, (byte) 0);
        try {
            return spec.keyClass() == KeySpec.KeyClass.HMAC
                    ? new KeyHandles(null, null, HmacKey.parse(material), ids)
                    : new KeyHandles(null, AsymmetricKey.parse(material), null, ids);
        } finally {
            material.destroy();
        }
    }

    /** What one read transaction returns about a key. */
    private record Snapshot(KeyRecord key, List<MaterialRecord> materials, List<Tag> tags,
                            List<AliasRecord> aliases, ImportedMaterialRecord imported) {
    }
}
