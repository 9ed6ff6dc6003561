package io.kmsd.core.grant.service;

import io.kmsd.core.CreatedGrant;
import io.kmsd.core.GrantService;
import io.kmsd.core.GrantView;
import io.kmsd.core.KeyService;
import io.kmsd.core.NewGrant;
import io.kmsd.core.Page;
import io.kmsd.core.grant.Grant;
import io.kmsd.core.grant.GrantErrors;
import io.kmsd.core.grant.GrantId;
import io.kmsd.core.grant.GrantPrincipal;
import io.kmsd.core.grant.GrantState;
import io.kmsd.core.grant.store.GrantStore;
import io.kmsd.core.grant.store.GrantTx;
import io.kmsd.core.grant.token.GrantToken;
import io.kmsd.core.grant.token.GrantTokens;
import io.kmsd.core.key.KeyArn;
import io.kmsd.core.key.KeyFacts;
import io.kmsd.core.key.KeyOperation;
import io.kmsd.core.key.KeyStateTable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The {@link GrantService}: rules and listings over the {@link GrantStore}, the cache, and tokens. */
public final class DefaultGrantService implements GrantService {
    private static final int DECODED_TOKENS_KEPT = 10_000;

    private final GrantStore store;
    private final KeyService keys;
    private final GrantTokens tokens;
    private final Clock clock;
    private final GrantCache cache;
    /** Verified tokens, so an application sending its token with every request is not re-verified each time. */
    private final ConcurrentMap<String, GrantToken> decoded = new ConcurrentHashMap<>();

    public DefaultGrantService(GrantStore store, KeyService keys, GrantTokens tokens, Clock clock,
                               Duration refreshInterval, Duration propagationDelay) {
        this.store = store;
        this.keys = keys;
        this.tokens = tokens;
        this.clock = clock;
        this.cache = new GrantCache(store, clock, refreshInterval, propagationDelay);
    }

    @Override
    public CreatedGrant create(NewGrant request) {
        Grant candidate = checked(request);
        String token = tokens.mint(candidate); // a grant too large for a token fails before anything is stored
        Grant stored = store.write(tx -> insertOrRepeat(tx, request, candidate));
        if (stored != candidate) {
            return new CreatedGrant(stored.grantId(), tokens.mint(stored)); // kms-api §4.9: same id, fresh token
        }
        cache.afterWrite(request.key());
        return new CreatedGrant(candidate.grantId(), token);
    }

    @Override
    public void checkCreate(NewGrant request) {
        Grant candidate = checked(request);
        tokens.mint(candidate);
        store.read(tx -> {
            boolean repeat = request.name().isPresent() && tx.activeByName(request.key(), request.name().get())
                    .stream().anyMatch(request::repeats);
            if (!repeat) {
                GrantRules.requireRoom(tx.activeCount(request.key()), request.key());
            }
            return null;
        });
    }

    /** The grant the request would create, after every check that needs no transaction. */
    private Grant checked(NewGrant request) {
        GrantRules.checkKey(request, keys.facts(request.key()));
        return new Grant(GrantId.random(), request.key(), request.name(), now(), request.grantee(),
                request.retiringPrincipal(), request.key().account(), request.operations(), request.constraints(),
                GrantState.ACTIVE);
    }

    private static Grant insertOrRepeat(GrantTx tx, NewGrant request, Grant candidate) {
        KeyArn key = request.key();
        if (!tx.lockKey(key)) {
            throw GrantErrors.keyNotFound(key); // deleted since its facts were read
        }
        Optional<Grant> repeated = request.name().flatMap(name -> tx.activeByName(key, name).stream()
                .filter(request::repeats).findFirst());
        if (repeated.isPresent()) {
            return repeated.get();
        }
        GrantRules.requireRoom(tx.activeCount(key), key);
        tx.insert(candidate);
        return candidate;
    }

    @Override
    public Page<Grant> list(KeyArn key, Optional<GrantId> grantId, Optional<GrantPrincipal> grantee, int limit,
                            String marker) {
        KeyStateTable.check(KeyOperation.ListGrants, keys.facts(key).state(), key);
        GrantRules.listLimit(limit);
        GrantId after = GrantMarkers.after(marker);
        return page(store.read(tx -> tx.page(key, grantId, grantee, after, limit + 1)), limit);
    }

    @Override
    public Page<Grant> listRetirable(GrantPrincipal retiringPrincipal, int limit, String marker) {
        GrantRules.listLimit(limit);
        GrantId after = GrantMarkers.after(marker);
        return page(store.read(tx -> tx.retirable(retiringPrincipal, after, limit + 1)), limit);
    }

    private static Page<Grant> page(List<Grant> found, int limit) {
        boolean more = found.size() > limit;
        List<Grant> items = more ? found.subList(0, limit) : found;
        return new Page<>(items, GrantMarkers.next(more, more ? items.get(limit - 1).grantId() : null));
    }

    @Override
    public Grant activeGrant(KeyArn key, GrantId grantId) {
        keys.facts(key);
        return store.read(tx -> tx.grant(grantId)).filter(g -> g.keyArn().equals(key) && g.isActive())
                .orElseThrow(() -> GrantErrors.notActiveOnKey(grantId, key));
    }

    @Override
    public Grant retire(KeyArn key, GrantId grantId) {
        return end(key, grantId, GrantState.RETIRED, KeyOperation.RetireGrant);
    }

    @Override
    public Grant retire(GrantToken token) {
        return retire(token.grant().keyArn(), token.grant().grantId());
    }

    @Override
    public Grant revoke(KeyArn key, GrantId grantId) {
        return end(key, grantId, GrantState.REVOKED, KeyOperation.RevokeGrant);
    }

    private Grant end(KeyArn key, GrantId grantId, GrantState state, KeyOperation op) {
        KeyStateTable.check(op, keys.facts(key).state(), key);
        Instant now = now();
        Grant ended = store.write(tx -> {
            if (!tx.lockKey(key)) {
                throw GrantErrors.keyNotFound(key);
            }
            Grant grant = tx.grant(grantId).filter(g -> g.keyArn().equals(key) && g.isActive())
                    .orElseThrow(() -> GrantErrors.notActiveOnKey(grantId, key)); // kms-api §4.9 RevokeGrant
            tx.end(key, grantId, state, now);
            return grant.withState(state);
        });
        cache.afterWrite(key);
        return ended;
    }

    @Override
    public GrantToken decodeToken(String token) {
        GrantToken known = decoded.get(token == null ? "" : token);
        if (known != null) {
            return known;
        }
        GrantToken verified = tokens.decode(token);
        if (decoded.size() >= DECODED_TOKENS_KEPT) {
            decoded.clear();
        }
        decoded.put(token, verified);
        return verified;
    }

    @Override
    public List<Grant> activeGrantsFor(KeyArn key) {
        return cache.visible(key);
    }

    @Override
    public List<GrantView> grantsForRequest(KeyArn key, List<String> grantTokens) {
        boolean noTokens = grantTokens == null || grantTokens.isEmpty();
        if (noTokens && !cache.hasDelay()) {
            return cache.get(key).views; // the common case allocates nothing
        }
        Map<GrantId, GrantToken> presented = presentedFor(key, noTokens ? List.of() : grantTokens);
        GrantCache.KeyGrants grants = cache.get(key);
        long now = clock.millis();
        List<GrantView> out = new ArrayList<>(grants.active.size() + presented.size());
        for (Grant g : grants.active) {
            GrantToken token = presented.remove(g.grantId());
            boolean visible = cache.isVisible(g, now);
            if (visible || token != null) {
                out.add(new GrantView(g, visible, Optional.ofNullable(token).map(GrantToken::text)));
            }
        }
        for (GrantToken token : presented.values()) { // key-policy-semantics E15: at once, unless known ended
            GrantState known = grants.stateOf(token.grant().grantId()).orElse(GrantState.ACTIVE);
            out.add(new GrantView(token.grant().withState(known), false, Optional.of(token.text())));
        }
        return out;
    }

    /** Every token verified (InvalidGrantToken otherwise); those of other keys dropped (kms-api §4.0). */
    private Map<GrantId, GrantToken> presentedFor(KeyArn key, List<String> grantTokens) {
        Map<GrantId, GrantToken> out = new LinkedHashMap<>();
        for (String text : grantTokens) {
            GrantToken token = decodeToken(text);
            token.grantFor(key).ifPresent(g -> out.putIfAbsent(g.grantId(), token));
        }
        return out;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
