package io.kmsd.core.lifecycle;

import io.kmsd.core.alias.AliasName;
import io.kmsd.core.crypto.KeyRing;
import io.kmsd.core.key.KeyArn;
import io.kmsd.core.key.KeyFacts;
import io.kmsd.core.key.KeyMetadata;
import io.kmsd.core.key.KeySpec;
import io.kmsd.core.key.KeyState;
import io.kmsd.core.key.KeyUsage;
import io.kmsd.core.key.Tag;
import io.kmsd.core.store.ImportedMaterialRecord;
import io.kmsd.core.store.KeyRecord;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One key as this node knows it: the row, its facts and its unwrapped materials, as of {@code rowVersion}.
 * Immutable except for the time of the next freshness check, which one thread at a time may claim.
 */
final class CachedKey {
    private final KeyRecord record;
    private final KeyFacts facts;
    private final KeyHandles handles;
    private final AtomicLong nextCheckMillis;

    CachedKey(KeyRecord record, List<Tag> tags, List<AliasName> aliases, KeyHandles handles,
              ImportedMaterialRecord imported, long nextCheckMillis) {
        this.record = record;
        this.handles = handles;
        this.facts = new KeyFacts(metadata(record, ring(), imported), record.policy(), tags, aliases);
        this.nextCheckMillis = new AtomicLong(nextCheckMillis);
    }

    KeyArn arn() {
        return record.arn();
    }

    KeyRecord record() {
        return record;
    }

    KeyFacts facts() {
        return facts;
    }

    KeyState state() {
        return record.state();
    }

    /** The unwrapped materials; null if the key has none (for example EXTERNAL before import). */
    KeyRing ring() {
        return handles == null ? null : handles.ring();
    }

    /** The parsed material of any kind; null if the key has none. */
    KeyHandles handles() {
        return handles;
    }

    long rowVersion() {
        return record.rowVersion();
    }

    /** True for exactly one caller once {@code now} has reached the next check time. */
    boolean claimCheck(long now, long next) {
        long due = nextCheckMillis.get();
        return now >= due && nextCheckMillis.compareAndSet(due, next);
    }

    /** {@code imported}: the EXTERNAL key's binding and expiry (kms-api §3.1 ExpirationModel, ValidTo), or null. */
    private static KeyMetadata metadata(KeyRecord r, KeyRing ring, ImportedMaterialRecord imported) {
        KeyArn arn = r.arn();
        boolean encrypting = r.keyUsage() == KeyUsage.ENCRYPT_DECRYPT;
        String materialId = r.keySpec() == KeySpec.SYMMETRIC_DEFAULT && ring != null
                ? ring.current().materialId() : null;
        return new KeyMetadata(arn.account(), arn.keyId(), arn, r.createdAt(), r.state() == KeyState.Enabled,
                r.description(), r.keyUsage(), r.state(), r.origin(), r.keyManager(), r.keySpec(), r.multiRegion(),
                r.state() == KeyState.PendingDeletion ? r.deletionDate() : null,
                encrypting ? r.keySpec().algorithmsFor(KeyUsage.ENCRYPT_DECRYPT) : List.of(), materialId,
                imported == null ? null : imported.expirationModel(), imported == null ? null : imported.validTo());
    }
}
