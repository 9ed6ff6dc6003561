package io.kmsd.core;

import io.kmsd.core.grant.Grant;
import io.kmsd.core.grant.GrantId;
import io.kmsd.core.grant.GrantPrincipal;
import io.kmsd.core.grant.token.GrantToken;
import io.kmsd.core.key.KeyArn;
import java.util.List;
import java.util.Optional;

/**
 * Grants (kms-api §4.9) and what the authorizer needs of them (key-policy-semantics E12–E17). Callers have
 * already authorized the request; core checks keys, key states, limits and shapes. Every change is durable
 * when the method returns.
 *
 * <p>Consistency across nodes (DESIGN "Grants and grant tokens across nodes"): each node caches a key's grants
 * and checks for changes once per refresh interval, so a grant created on one node is visible on another after
 * at most that interval; a node sees its own changes at once. An optional propagation delay hides new grants
 * from {@link #activeGrantsFor} for a while even on the creating node, to let applications test AWS's eventual
 * consistency. A grant token works at once on every node, unless that node knows the grant has ended.
 *
 * <p>Retired and revoked grants stay stored with their state (never listed, never counted) until their key is
 * deleted, so their tokens can be recognised and refused.
 */
public interface GrantService {
    int DEFAULT_LIST_LIMIT = 50;
    int MAX_LIST_LIMIT = 100;
    int MAX_GRANTS_PER_KEY = 50_000;

    /**
     * CreateGrant: NotFound, the §3.4 state rule, operations the key type does not support or a constraint on a
     * non-symmetric key (ValidationException), more than 50,000 grants (LimitExceeded). The same key, Name and
     * parameters as an active grant → that grant's id with a fresh token.
     */
    CreatedGrant create(NewGrant request);

    /** The checks of {@link #create} without its effect, for DryRun. */
    void checkCreate(NewGrant request);

    /** ListGrants: active grants of the key, filters AND-ed; {@code limit} 1–100; marker null for the first page. */
    Page<Grant> list(KeyArn key, Optional<GrantId> grantId, Optional<GrantPrincipal> grantee, int limit,
                     String marker);

    /** ListRetirableGrants: active grants on keys of any account naming this retiring principal. */
    Page<Grant> listRetirable(GrantPrincipal retiringPrincipal, int limit, String marker);

    /** The active grant {@code grantId} of {@code key}, read from the database; InvalidGrantId if there is none. */
    Grant activeGrant(KeyArn key, GrantId grantId);

    /** RetireGrant by key and id; returns the grant as retired. InvalidGrantId if it is not active on the key. */
    Grant retire(KeyArn key, GrantId grantId);

    /** RetireGrant by token: retires the grant the token names (on the key the token names). */
    Grant retire(GrantToken token);

    /** RevokeGrant; returns the grant as revoked. InvalidGrantId if it is not an active grant of that key. */
    Grant revoke(KeyArn key, GrantId grantId);

    /** Verifies a grant token; InvalidGrantToken if it is malformed, too long, forged or altered. */
    GrantToken decodeToken(String token);

    /** The key's active grants visible on this node now (cached; no database read while fresh). */
    List<Grant> activeGrantsFor(KeyArn key);

    /**
     * What the authorizer evaluates for a request on {@code key} presenting {@code grantTokens} (E12, E15): the
     * visible active grants (with the token if one was presented for them) plus the grants known only through a
     * presented token. Tokens for other keys are ignored (kms-api §4.0); an invalid token → InvalidGrantToken.
     */
    List<GrantView> grantsForRequest(KeyArn key, List<String> grantTokens);
}
