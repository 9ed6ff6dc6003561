package io.kmsd.core.grant.store;

import io.kmsd.core.grant.Grant;
import io.kmsd.core.grant.GrantId;
import io.kmsd.core.grant.GrantName;
import io.kmsd.core.grant.GrantPrincipal;
import io.kmsd.core.grant.GrantState;
import io.kmsd.core.key.KeyArn;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Grant rows inside one transaction. Writers lock the key first ({@link #lockKey}), so the changes of one key's
 * grants are serialised with each other and with the key's deletion. Every change bumps the key's grant
 * {@link #version}, which other nodes poll. Listings hold ACTIVE grants only, ordered by grant id, starting
 * strictly after {@code after} (null: from the start).
 */
public interface GrantTx {

    /** Locks the key row until the transaction ends; false if the key does not exist. */
    boolean lockKey(KeyArn key);

    /** How often the key's grants changed; 0 if they never did or the key is gone. */
    long version(KeyArn key);

    int activeCount(KeyArn key);

    List<Grant> activeGrants(KeyArn key);

    /** The retired and revoked grants of the key (their tombstones), by id. */
    Map<GrantId, GrantState> endedGrants(KeyArn key);

    /** A grant in any state. */
    Optional<Grant> grant(GrantId id);

    List<Grant> activeByName(KeyArn key, GrantName name);

    /** Stores an ACTIVE grant and counts it; the caller holds the key's lock. */
    void insert(Grant grant);

    /** ACTIVE → {@code state}; false (and no change) unless the grant is an active grant of {@code key}. */
    boolean end(KeyArn key, GrantId id, GrantState state, Instant when);

    List<Grant> page(KeyArn key, Optional<GrantId> grantId, Optional<GrantPrincipal> grantee, GrantId after,
                     int limit);

    /** ACTIVE grants on keys of any account whose retiring principal is {@code principal}. */
    List<Grant> retirable(GrantPrincipal principal, GrantId after, int limit);
}
