package io.kmsd.core.grant.service;

import io.kmsd.core.GrantView;
import io.kmsd.core.grant.Grant;
import io.kmsd.core.grant.GrantId;
import io.kmsd.core.grant.GrantState;
import io.kmsd.core.grant.store.GrantStore;
import io.kmsd.core.key.KeyArn;
import io.kmsd.core.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's memory of each key's grants, so a request reads nothing from the database while the entry is
 * fresh. An entry older than the refresh interval re-reads the key's grant version (one small query, by one
 * thread; the others keep using the entry) and reloads the grants if it changed. This node's writers call
 * {@link #afterWrite} after their commit, so the node sees its own changes at once; other nodes see them after
 * at most the refresh interval. Entries are replaced only by entries of an equal or higher version, so a slow
 * loader cannot put back an older snapshot; a lower version in the database means the key was deleted. If the
 * database is unreachable during a check the entry stays in use and is checked again after the next interval.
 *
 * <p>The propagation delay hides a grant from {@link #visible} until {@code creationDate + delay} by this node's
 * clock, even on the node that created it (key-policy-semantics E15, to imitate AWS).
 */
final class GrantCache {
    private static final Logger LOG = LoggerFactory.getLogger(GrantCache.class);

    private final GrantStore store;
    private final Clock clock;
    private final long refreshMillis;
    private final long delayMillis;
    private final ConcurrentMap<KeyArn, KeyGrants> entries = new ConcurrentHashMap<>();

    /** One key's grants as of one version: the active ones and the tombstones of ended ones. */
    static final class KeyGrants {
        final long version;
        final List<Grant> active;
        final Map<GrantId, Grant> activeById;
        final Map<GrantId, GrantState> ended;
        /** Every active grant as a propagated view, built once (used when there is no propagation delay). */
        final List<GrantView> views;
        final AtomicLong nextCheckMillis;

        KeyGrants(long version, List<Grant> active, Map<GrantId, GrantState> ended, long nextCheckMillis) {
            this.version = version;
            this.active = List.copyOf(active);
            this.activeById = this.active.stream().collect(Collectors.toUnmodifiableMap(Grant::grantId,
                    Function.identity()));
            this.ended = Map.copyOf(ended);
            this.views = this.active.stream().map(g -> new GrantView(g, true, Optional.empty())).toList();
            this.nextCheckMillis = new AtomicLong(nextCheckMillis);
        }

        /** What this node knows of a grant of this key: ACTIVE, RETIRED, REVOKED, or nothing yet. */
        Optional<GrantState> stateOf(GrantId id) {
            return activeById.containsKey(id) ? Optional.of(GrantState.ACTIVE) : Optional.ofNullable(ended.get(id));
        }
    }

    GrantCache(GrantStore store, Clock clock, Duration refreshInterval, Duration propagationDelay) {
        if (refreshInterval.isNegative() || propagationDelay.isNegative()) {
            throw new IllegalArgumentException("refresh interval and propagation delay must not be negative");
        }
        this.store = store;
        this.clock = clock;
        this.refreshMillis = refreshInterval.toMillis();
        this.delayMillis = propagationDelay.toMillis();
    }

    /** The key's grants, fresh within the refresh interval. */
    KeyGrants get(KeyArn key) {
        KeyGrants entry = entries.get(key);
        if (entry == null) {
            return load(key);
        }
        long now = clock.millis();
        long due = entry.nextCheckMillis.get();
        if (now >= due && entry.nextCheckMillis.compareAndSet(due, now + refreshMillis)) {
            return revalidate(key, entry);
        }
        return entry;
    }

    /** The key's active grants that are visible now (all of them without a propagation delay). */
    List<Grant> visible(KeyArn key) {
        KeyGrants entry = get(key);
        if (delayMillis == 0) {
            return entry.active;
        }
        long now = clock.millis();
        return entry.active.stream().filter(g -> isVisible(g, now)).toList();
    }

    boolean hasDelay() {
        return delayMillis != 0;
    }

    boolean isVisible(Grant grant, long nowMillis) {
        return grant.creationDate().toEpochMilli() + delayMillis <= nowMillis;
    }

    /** After this node committed a change to the key's grants: re-read them (or forget them if that fails). */
    void afterWrite(KeyArn key) {
        try {
            load(key);
        } catch (RuntimeException e) {
            entries.remove(key);
        }
    }

    private KeyGrants load(KeyArn key) {
        KeyGrants fresh = store.read(tx -> {
            long version = tx.version(key); // first: the rows read next are at least this new
            return new KeyGrants(version, tx.activeGrants(key), tx.endedGrants(key), clock.millis() + refreshMillis);
        });
        return entries.merge(key, fresh, (old, neu) -> neu.version >= old.version ? neu : old);
    }

    private KeyGrants revalidate(KeyArn key, KeyGrants entry) {
        long version;
        try {
            version = store.read(tx -> tx.version(key));
        } catch (StoreException e) {
            LOG.warn("cannot check the grants of {} for changes, using the cached ones: {}", key, e.getMessage());
            return entry;
        }
        if (version == entry.version) {
            return entry;
        }
        if (version < entry.version) {
            entries.remove(key, entry); // the key and its grants were deleted
        }
        return load(key);
    }
}
