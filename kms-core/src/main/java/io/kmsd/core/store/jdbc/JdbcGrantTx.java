package io.kmsd.core.store.jdbc;

import io.kmsd.core.grant.Grant;
import io.kmsd.core.grant.GrantId;
import io.kmsd.core.grant.GrantName;
import io.kmsd.core.grant.GrantPrincipal;
import io.kmsd.core.grant.GrantState;
import io.kmsd.core.grant.store.GrantTx;
import io.kmsd.core.key.KeyArn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link GrantTx} over one JDBC connection inside one transaction; the same SQL on H2 and PostgreSQL. */
final class JdbcGrantTx implements GrantTx {
    private static final String COLUMNS = "grant_id, account_id, region, key_id, grant_name, created_at, grantee, "
            + "retiring, issuing_account, operations, constraint_type, constraint_pairs, grant_state";
    private static final String BY_KEY = " WHERE account_id = ? AND region = ? AND key_id = ?";
    private static final String ACTIVE = GrantState.ACTIVE.name();

    private final Sql sql;

    JdbcGrantTx(Sql sql) {
        this.sql = sql;
    }

    @Override
    public boolean lockKey(KeyArn key) {
        if (sql.one("SELECT key_id FROM kms_key" + BY_KEY + " FOR UPDATE", rs -> true, ids(key)).isEmpty()) {
            return false;
        }
        if (sql.one("SELECT version FROM kms_key_grants" + BY_KEY, rs -> true, ids(key)).isEmpty()) {
            sql.update("INSERT INTO kms_key_grants (account_id, region, key_id, version, active_grants) "
                    + "VALUES (?, ?, ?, 0, 0)", ids(key));
        }
        return true;
    }

    @Override
    public long version(KeyArn key) {
        return sql.one("SELECT version FROM kms_key_grants" + BY_KEY, rs -> rs.getLong(1), ids(key)).orElse(0L);
    }

    @Override
    public int activeCount(KeyArn key) {
        return sql.one("SELECT active_grants FROM kms_key_grants" + BY_KEY, rs -> rs.getInt(1), ids(key)).orElse(0);
    }

    @Override
    public List<Grant> activeGrants(KeyArn key) {
        return sql.list("SELECT " + COLUMNS + " FROM kms_grant" + BY_KEY + " AND grant_state = ? ORDER BY grant_id",
                GrantRows::grant, params(key, ACTIVE));
    }

    @Override
    public Map<GrantId, GrantState> endedGrants(KeyArn key) {
        Map<GrantId, GrantState> out = new HashMap<>();
        sql.list("SELECT grant_id, grant_state FROM kms_grant" + BY_KEY + " AND grant_state <> ?",
                rs -> out.put(new GrantId(rs.getString(1)), GrantState.valueOf(rs.getString(2))), params(key, ACTIVE));
        return out;
    }

    @Override
    public Optional<Grant> grant(GrantId id) {
        return sql.one("SELECT " + COLUMNS + " FROM kms_grant WHERE grant_id = ?", GrantRows::grant, id.value());
    }

    @Override
    public List<Grant> activeByName(KeyArn key, GrantName name) {
        return sql.list("SELECT " + COLUMNS + " FROM kms_grant" + BY_KEY + " AND grant_name = ? AND grant_state = ? "
                + "ORDER BY grant_id", GrantRows::grant, params(key, name.value(), ACTIVE));
    }

    @Override
    public void insert(Grant g) {
        sql.update("INSERT INTO kms_grant (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                GrantRows.values(g));
        changed(g.keyArn(), 1);
    }

    @Override
    public boolean end(KeyArn key, GrantId id, GrantState state, Instant when) {
        if (state == GrantState.ACTIVE) {
            throw new IllegalArgumentException("a grant ends as RETIRED or REVOKED");
        }
        int rows = sql.update("UPDATE kms_grant SET grant_state = ?, ended_at = ? WHERE grant_id = ? "
                        + "AND account_id = ? AND region = ? AND key_id = ? AND grant_state = ?",
                state.name(), when.toEpochMilli(), id.value(), key.account().value(), key.region().value(),
                key.keyId().value(), ACTIVE);
        if (rows == 1) {
            changed(key, -1);
        }
        return rows == 1;
    }

    @Override
    public List<Grant> page(KeyArn key, Optional<GrantId> grantId, Optional<GrantPrincipal> grantee, GrantId after,
                            int limit) {
        List<Object> params = new ArrayList<>(List.of(params(key, ACTIVE, after == null ? "" : after.value())));
        StringBuilder where = new StringBuilder(BY_KEY + " AND grant_state = ? AND grant_id > ?");
        grantId.ifPresent(id -> {
            where.append(" AND grant_id = ?");
            params.add(id.value());
        });
        grantee.ifPresent(p -> {
            where.append(" AND grantee = ?");
            params.add(p.value());
        });
        return sql.list("SELECT " + COLUMNS + " FROM kms_grant" + where + " ORDER BY grant_id FETCH FIRST " + limit
                + " ROWS ONLY", GrantRows::grant, params.toArray());
    }

    @Override
    public List<Grant> retirable(GrantPrincipal principal, GrantId after, int limit) {
        return sql.list("SELECT " + COLUMNS + " FROM kms_grant WHERE retiring = ? AND grant_state = ? "
                        + "AND grant_id > ? ORDER BY grant_id FETCH FIRST " + limit + " ROWS ONLY", GrantRows::grant,
                principal.value(), ACTIVE, after == null ? "" : after.value());
    }

    /** Bumps the key's grant version and adjusts its count of active grants. */
    private void changed(KeyArn key, int activeDelta) {
        int rows = sql.update("UPDATE kms_key_grants SET version = version + 1, active_grants = active_grants + ?"
                + BY_KEY, activeDelta, key.account().value(), key.region().value(), key.keyId().value());
        if (rows != 1) {
            throw new IllegalStateException("grants of " + key + " changed without the key's lock");
        }
    }

    private static Object[] ids(KeyArn key) {
        return new Object[] {key.account().value(), key.region().value(), key.keyId().value()};
    }

    /** The key's ids followed by {@code more}. */
    private static Object[] params(KeyArn key, Object... more) {
        Object[] out = new Object[3 + more.length];
        System.arraycopy(ids(key), 0, out, 0, 3);
        System.arraycopy(more, 0, out, 3, more.length);
        return out;
    }
}
