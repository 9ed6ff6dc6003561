package io.kmsd.core.lifecycle;

import io.kmsd.core.AliasEntry;
import io.kmsd.core.Page;
import io.kmsd.core.alias.AliasArn;
import io.kmsd.core.error.KmsError;
import io.kmsd.core.error.KmsException;
import io.kmsd.core.key.AccountId;
import io.kmsd.core.key.KeyArn;
import io.kmsd.core.key.KeyId;
import io.kmsd.core.key.KeyOperation;
import io.kmsd.core.key.KeyStateTable;
import io.kmsd.core.key.Region;
import io.kmsd.core.store.AliasRecord;
import io.kmsd.core.store.KeyRecord;
import io.kmsd.core.store.KeyStore;
import io.kmsd.core.store.KeyTx;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** CreateAlias, UpdateAlias, DeleteAlias, ListAliases (kms-api §4.2). Alias changes bump the key's version. */
final class AliasOps {
    private final KeyStore store;
    private final KeyCache cache;
    private final Clock clock;

    AliasOps(KeyStore store, KeyCache cache, Clock clock) {
        this.store = store;
        this.cache = cache;
        this.clock = clock;
    }

    void create(AliasArn alias, KeyArn target) {
        requireCustomerName(alias);
        requireSameTenant(alias, target);
        Instant now = now();
        store.write(tx -> {
            KeyRecord key = tx.lockKey(target).orElseThrow(() -> Errors.keyNotFound(target));
            KeyStateTable.check(KeyOperation.CreateAlias, key.state(), target);
            requireRoom(tx, target);
            if (!tx.insertAlias(new AliasRecord(alias, target.keyId(), now, now))) {
                throw new KmsException(KmsError.AlreadyExists, "An alias with the name " + alias + " already exists");
            }
            tx.touch(target);
            return null;
        });
        cache.forgetAlias(alias);
        cache.afterWrite(target);
    }

    void update(AliasArn alias, KeyArn newTarget) {
        requireCustomerName(alias);
        requireSameTenant(alias, newTarget);
        KeyArn oldTarget = store.write(tx -> {
            AliasRecord current = tx.alias(alias).orElseThrow(() -> Errors.aliasNotFound(alias));
            KeyArn old = new KeyArn(alias.region(), alias.account(), current.target());
            if (old.equals(newTarget)) {
                return old;
            }
            KeyRecord[] locked = lockInOrder(tx, old, newTarget);
            KeyRecord oldKey = locked[0];
            KeyRecord newKey = locked[1];
            // the old key may be pending deletion: UpdateAlias may move an alias away from it (§3.4)
            KeyStateTable.check(KeyOperation.UpdateAlias, newKey.state(), newTarget);
            requireCompatible(alias, oldKey, newKey);
            requireRoom(tx, newTarget);
            tx.updateAlias(new AliasRecord(alias, newTarget.keyId(), current.createdAt(), now()));
            tx.touch(old);
            tx.touch(newTarget);
            return old;
        });
        cache.forgetAlias(alias);
        cache.afterWrite(oldTarget);
        cache.afterWrite(newTarget);
    }

    void delete(AliasArn alias) {
        KeyArn target = store.write(tx -> {
            AliasRecord current = tx.alias(alias).orElseThrow(() -> Errors.aliasNotFound(alias));
            KeyArn arn = new KeyArn(alias.region(), alias.account(), current.target());
            KeyRecord key = tx.lockKey(arn).orElseThrow(() -> Errors.keyNotFound(arn));
            KeyStateTable.check(KeyOperation.DeleteAlias, key.state(), arn);
            tx.deleteAlias(alias);
            tx.touch(arn);
            return arn;
        });
        cache.forgetAlias(alias);
        cache.afterWrite(target);
    }

    Page<AliasEntry> list(AccountId account, Region region, Optional<KeyArn> key, int limit, String marker) {
        Limits.listLimit(limit);
        String after = Markers.decode(marker);
        key.ifPresent(k -> requireListable(k, account, region));
        Optional<KeyId> target = key.map(KeyArn::keyId);
        List<AliasRecord> found = store.read(tx -> tx.aliases(account, region, target, after, limit + 1));
        boolean more = found.size() > limit;
        List<AliasRecord> page = more ? found.subList(0, limit) : found;
        return new Page<>(page.stream().map(AliasOps::entry).toList(),
                Markers.next(more, more ? page.get(limit - 1).arn().name().value() : null));
    }

    Optional<KeyArn> target(AliasArn alias) {
        return cache.aliasTarget(alias).map(id -> new KeyArn(alias.region(), alias.account(), id));
    }

    private void requireListable(KeyArn key, AccountId account, Region region) {
        if (!key.account().equals(account) || !key.region().equals(region)) {
            throw Errors.keyNotFound(key);
        }
        KeyStateTable.check(KeyOperation.ListAliases, cache.get(key).state(), key);
    }

    private static AliasEntry entry(AliasRecord r) {
        return new AliasEntry(r.arn(), r.target(), r.createdAt(), r.updatedAt());
    }

    /** kms-api §4.2 and §5: {@code alias/aws/} is reserved for AWS managed keys (message ours, unverified). */
    private static void requireCustomerName(AliasArn alias) {
        if (alias.name().isReserved()) {
            throw new KmsException(KmsError.InvalidAliasName,
                    "Alias " + alias.name() + " cannot begin with alias/aws/: the prefix is reserved for AWS managed keys.");
        }
    }

    /** The target must be in the alias's account and Region (kms-api §4.2). */
    private static void requireSameTenant(AliasArn alias, KeyArn target) {
        if (!alias.account().equals(target.account()) || !alias.region().equals(target.region())) {
            throw KmsException.validation("The alias " + alias + " and its target key " + target
                    + " must be in the same AWS account and Region.");
        }
    }

    private static void requireRoom(KeyTx tx, KeyArn target) {
        if (tx.aliasesOf(target).size() >= Limits.MAX_ALIASES_PER_KEY) {
            throw new KmsException(KmsError.LimitExceeded, "The key " + target + " already has the maximum of "
                    + Limits.MAX_ALIASES_PER_KEY + " aliases.");
        }
    }

    /** UpdateAlias keeps the key class and usage (kms-api §4.2; ValidationException is unverified, §7). */
    private static void requireCompatible(AliasArn alias, KeyRecord oldKey, KeyRecord newKey) {
        if (oldKey.keySpec().keyClass() != newKey.keySpec().keyClass() || oldKey.keyUsage() != newKey.keyUsage()) {
            throw KmsException.validation("Alias " + alias.name() + " cannot point to " + newKey.arn()
                    + ": the new key must have the same key type (" + oldKey.keySpec().keyClass()
                    + ") and key usage (" + oldKey.keyUsage() + ") as the current one.");
        }
    }

    /** Locks both keys in key-id order, so two opposite UpdateAlias calls cannot deadlock. */
    private static KeyRecord[] lockInOrder(KeyTx tx, KeyArn old, KeyArn target) {
        boolean oldFirst = old.keyId().value().compareTo(target.keyId().value()) < 0;
        KeyArn first = oldFirst ? old : target;
        KeyArn second = oldFirst ? target : old;
        KeyRecord a = tx.lockKey(first).orElseThrow(() -> Errors.keyNotFound(first));
        KeyRecord b = tx.lockKey(second).orElseThrow(() -> Errors.keyNotFound(second));
        return oldFirst ? new KeyRecord[] {a, b} : new KeyRecord[] {b, a};
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
