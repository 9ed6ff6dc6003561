package io.kmsd.core.store.jdbc;

import io.kmsd.core.grant.Grant;
import io.kmsd.core.grant.GrantConstraints;
import io.kmsd.core.grant.GrantId;
import io.kmsd.core.grant.GrantName;
import io.kmsd.core.grant.GrantOperation;
import io.kmsd.core.grant.GrantPrincipal;
import io.kmsd.core.grant.GrantState;
import io.kmsd.core.key.AccountId;
import io.kmsd.core.key.KeyArn;
import io.kmsd.core.key.KeyId;
import io.kmsd.core.key.Region;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Grant ↔ row. Operations are stored as their names joined by commas; constraint pairs as
 * {@code key=value&key=value} with both sides form-URL-encoded (readable in the database, unambiguous).
 */
final class GrantRows {
    private static final Sql.Null VARCHAR = new Sql.Null(Types.VARCHAR);

    private GrantRows() {
    }

    /** The values for {@code JdbcGrantTx.COLUMNS}, in order. */
    static Object[] values(Grant g) {
        KeyArn key = g.keyArn();
        Optional<GrantConstraints> c = g.constraints();
        return new Object[] {g.grantId().value(), key.account().value(), key.region().value(), key.keyId().value(),
                orNull(g.name().map(GrantName::value)), g.creationDate().toEpochMilli(),
                g.granteePrincipal().value(), orNull(g.retiringPrincipal().map(GrantPrincipal::value)),
                g.issuingAccount().value(), operations(g.operations()),
                orNull(c.map(x -> x.type().name())), orNull(c.map(x -> pairs(x.pairs()))), g.state().name()};
    }

    static Grant grant(ResultSet rs) throws SQLException {
        KeyArn key = new KeyArn(new Region(rs.getString(3)), new AccountId(rs.getString(2)),
                new KeyId(rs.getString(4)));
        return new Grant(new GrantId(rs.getString(1)), key, Optional.ofNullable(rs.getString(5)).map(GrantName::new),
                Instant.ofEpochMilli(rs.getLong(6)), new GrantPrincipal(rs.getString(7)),
                Optional.ofNullable(rs.getString(8)).map(GrantPrincipal::new), new AccountId(rs.getString(9)),
                operations(rs.getString(10)), constraints(rs.getString(11), rs.getString(12)),
                GrantState.valueOf(rs.getString(13)));
    }

    private static Object orNull(Optional<String> value) {
        return value.isPresent() ? value.get() : VARCHAR;
    }

    private static String operations(Set<GrantOperation> ops) {
        return ops.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    private static Set<GrantOperation> operations(String text) {
        Set<GrantOperation> out = EnumSet.noneOf(GrantOperation.class);
        for (String name : text.split(",")) {
            out.add(GrantOperation.valueOf(name));
        }
        return out;
    }

    static String pairs(Map<String, String> pairs) {
        return pairs.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static Optional<GrantConstraints> constraints(String type, String text) {
        if (type == null) {
            return Optional.empty();
        }
        TreeMap<String, String> pairs = new TreeMap<>();
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            pairs.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
        }
        return Optional.of(new GrantConstraints(GrantConstraints.Type.valueOf(type), pairs));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
