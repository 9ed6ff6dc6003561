package io.kmsd.core.store.jdbc;

import io.kmsd.core.alias.AliasArn;
import io.kmsd.core.alias.AliasName;
import io.kmsd.core.key.AccountId;
import io.kmsd.core.key.KeyArn;
import io.kmsd.core.key.KeyId;
import io.kmsd.core.key.KeySpec;
import io.kmsd.core.key.KeyState;
import io.kmsd.core.key.KeyUsage;
import io.kmsd.core.key.Origin;
import io.kmsd.core.key.Region;
import io.kmsd.core.key.Tag;
import io.kmsd.core.store.AliasRecord;
import io.kmsd.core.store.KeyRecord;
import io.kmsd.core.store.KeyTx;
import io.kmsd.core.store.ImportTokenRecord;
import io.kmsd.core.store.ImportedMaterialRecord;
import io.kmsd.core.store.MaterialRecord;
import io.kmsd.core.store.RotationEvent;
import io.kmsd.core.store.RotationRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** {@link KeyTx} over one JDBC connection inside one transaction; the SQL is the same for H2 and PostgreSQL. */
final class JdbcTx implements KeyTx {
    private static final String KEY_COLUMNS = "account_id, region, key_id, created_at, description, key_spec, "
            + "key_usage, origin, key_manager, multi_region, key_state, deletion_date, policy, current_material, "
            + "row_version";
    private static final String BY_KEY = " WHERE account_id = ? AND region = ? AND key_id = ?";

    private final Sql sql;
    private final ImportRows imports;

    JdbcTx(Sql sql) {
        this.sql = sql;
        this.imports = new ImportRows(sql);
    }

    // ---- keys

    @Override
    public Optional<KeyRecord> key(KeyArn arn) {
        return sql.one("SELECT " + KEY_COLUMNS + " FROM kms_key" + BY_KEY, JdbcTx::keyRow, ids(arn));
    }

    @Override
    public Optional<KeyRecord> lockKey(KeyArn arn) {
        return sql.one("SELECT " + KEY_COLUMNS + " FROM kms_key" + BY_KEY + " FOR UPDATE", JdbcTx::keyRow, ids(arn));
    }

    @Override
    public OptionalLong rowVersion(KeyArn arn) {
        return sql.one("SELECT row_version FROM kms_key" + BY_KEY, rs -> rs.getLong(1), ids(arn))
                .map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    @Override
    public Optional<KeyArn> keyById(Region region, KeyId keyId) {
        return sql.one("SELECT account_id FROM kms_key WHERE region = ? AND key_id = ?",
                rs -> new KeyArn(region, new AccountId(rs.getString(1)), keyId), region.value(), keyId.value());
    }

    @Override
    public List<KeyArn> keys(AccountId account, Region region, String afterKeyId, int limit) {
        return sql.list("SELECT key_id FROM kms_key WHERE account_id = ? AND region = ? AND key_id > ? "
                        + "ORDER BY key_id FETCH FIRST " + limit + " ROWS ONLY",
                rs -> new KeyArn(region, account, new KeyId(rs.getString(1))),
                account.value(), region.value(), afterKeyId == null ? "" : afterKeyId);
    }

    @Override
    public void insertKey(KeyRecord k) {
        sql.update("INSERT INTO kms_key (" + KEY_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                k.arn().account().value(), k.arn().region().value(), k.arn().keyId().value(),
                k.createdAt().toEpochMilli(), k.description(), k.keySpec().name(), k.keyUsage().name(),
                k.origin().name(), k.keyManager(), k.multiRegion(), k.state().name(), millis(k.deletionDate()),
                k.policy(), k.currentMaterial() == null ? Sql.Null.INTEGER : k.currentMaterial(), k.rowVersion());
    }

    @Override
    public void updateKey(KeyRecord k) {
        int rows = sql.update("UPDATE kms_key SET description = ?, key_state = ?, deletion_date = ?, policy = ?, "
                        + "current_material = ?, row_version = row_version + 1" + BY_KEY,
                k.description(), k.state().name(), millis(k.deletionDate()), k.policy(),
                k.currentMaterial() == null ? Sql.Null.INTEGER : k.currentMaterial(),
                k.arn().account().value(), k.arn().region().value(), k.arn().keyId().value());
        requireOne(rows, k.arn());
    }

    @Override
    public void touch(KeyArn arn) {
        requireOne(sql.update("UPDATE kms_key SET row_version = row_version + 1" + BY_KEY, ids(arn)), arn);
    }

    @Override
    public void deleteKey(KeyArn arn) {
        sql.update("DELETE FROM kms_grant" + BY_KEY, ids(arn)); // kms-api §3.3: the key's grants go with it
        sql.update("DELETE FROM kms_key_grants" + BY_KEY, ids(arn));
        sql.update("DELETE FROM kms_alias" + BY_KEY, ids(arn));
        sql.update("DELETE FROM kms_key_tag" + BY_KEY, ids(arn));
        sql.update("DELETE FROM kms_key_material" + BY_KEY, ids(arn));
        sql.update("DELETE FROM kms_key_rotation" + BY_KEY, ids(arn));
        sql.update("DELETE FROM kms_key_rotation_event" + BY_KEY, ids(arn));
        imports.deleteAll(arn);
        sql.update("DELETE FROM kms_key" + BY_KEY, ids(arn));
    }

    @Override
    public List<KeyArn> dueForDeletion(Instant now, int limit) {
        return sql.list("SELECT account_id, region, key_id FROM kms_key WHERE key_state = ? AND deletion_date <= ? "
                        + "ORDER BY deletion_date FETCH FIRST " + limit + " ROWS ONLY",
                rs -> new KeyArn(new Region(rs.getString(2)), new AccountId(rs.getString(1)),
                        new KeyId(rs.getString(3))),
                KeyState.PendingDeletion.name(), now.toEpochMilli());
    }

    // ---- materials

    @Override
    public void insertMaterial(MaterialRecord m) {
        sql.update("INSERT INTO kms_key_material (account_id, region, key_id, material_version, material_id, "
                        + "wrapped, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                m.arn().account().value(), m.arn().region().value(), m.arn().keyId().value(), m.version(),
                m.materialId(), m.wrapped(), m.createdAt().toEpochMilli());
    }

    @Override
    public List<MaterialRecord> materials(KeyArn arn) {
        return sql.list("SELECT material_version, material_id, wrapped, created_at FROM kms_key_material" + BY_KEY
                        + " ORDER BY material_version",
                rs -> new MaterialRecord(arn, rs.getInt(1), rs.getString(2), rs.getBytes(3),
                        Instant.ofEpochMilli(rs.getLong(4))), ids(arn));
    }

    // ---- tags

    @Override
    public List<Tag> tags(KeyArn arn) {
        return sql.list("SELECT tag_key, tag_value FROM kms_key_tag" + BY_KEY + " ORDER BY tag_key",
                rs -> new Tag(rs.getString(1), rs.getString(2)), ids(arn));
    }

    @Override
    public void putTag(KeyArn arn, Tag tag) {
        deleteTag(arn, tag.key());
        sql.update("INSERT INTO kms_key_tag (account_id, region, key_id, tag_key, tag_value) VALUES (?, ?, ?, ?, ?)",
                arn.account().value(), arn.region().value(), arn.keyId().value(), tag.key(), tag.value());
    }

    @Override
    public void deleteTag(KeyArn arn, String tagKey) {
        sql.update("DELETE FROM kms_key_tag" + BY_KEY + " AND tag_key = ?",
                arn.account().value(), arn.region().value(), arn.keyId().value(), tagKey);
    }

    // ---- aliases

    @Override
    public Optional<AliasRecord> alias(AliasArn alias) {
        return sql.one("SELECT alias_name, key_id, created_at, updated_at FROM kms_alias WHERE account_id = ? "
                        + "AND region = ? AND alias_name = ?",
                rs -> aliasRow(rs, alias.account(), alias.region()),
                alias.account().value(), alias.region().value(), alias.name().value());
    }

    @Override
    public List<AliasRecord> aliasesOf(KeyArn arn) {
        return sql.list("SELECT alias_name, key_id, created_at, updated_at FROM kms_alias" + BY_KEY
                + " ORDER BY alias_name", rs -> aliasRow(rs, arn.account(), arn.region()), ids(arn));
    }

    @Override
    public List<AliasRecord> aliases(AccountId account, Region region, Optional<KeyId> target, String afterName,
                                     int limit) {
        String filter = target.isPresent() ? " AND key_id = ?" : "";
        Object[] params = target.isPresent()
                ? new Object[] {account.value(), region.value(), afterName == null ? "" : afterName,
                        target.get().value()}
                : new Object[] {account.value(), region.value(), afterName == null ? "" : afterName};
        return sql.list("SELECT alias_name, key_id, created_at, updated_at FROM kms_alias WHERE account_id = ? "
                        + "AND region = ? AND alias_name > ?" + filter + " ORDER BY alias_name FETCH FIRST " + limit
                        + " ROWS ONLY", rs -> aliasRow(rs, account, region), params);
    }

    @Override
    public boolean insertAlias(AliasRecord a) {
        return sql.insertUnique("INSERT INTO kms_alias (account_id, region, alias_name, key_id, created_at, "
                        + "updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                a.arn().account().value(), a.arn().region().value(), a.arn().name().value(), a.target().value(),
                a.createdAt().toEpochMilli(), a.updatedAt().toEpochMilli());
    }

    @Override
    public void updateAlias(AliasRecord a) {
        sql.update("UPDATE kms_alias SET key_id = ?, updated_at = ? WHERE account_id = ? AND region = ? "
                        + "AND alias_name = ?", a.target().value(), a.updatedAt().toEpochMilli(),
                a.arn().account().value(), a.arn().region().value(), a.arn().name().value());
    }

    @Override
    public void deleteAlias(AliasArn alias) {
        sql.update("DELETE FROM kms_alias WHERE account_id = ? AND region = ? AND alias_name = ?",
                alias.account().value(), alias.region().value(), alias.name().value());
    }

    // ---- mapping

    private static KeyRecord keyRow(ResultSet rs) throws SQLException {
        KeyArn arn = new KeyArn(new Region(rs.getString(2)), new AccountId(rs.getString(1)),
                new KeyId(rs.getString(3)));
        long deletion = rs.getLong(12);
        Instant deletionDate = rs.wasNull() ? null : Instant.ofEpochMilli(deletion);
        int material = rs.getInt(14);
        Integer currentMaterial = rs.wasNull() ? null : material;
        return new KeyRecord(arn, Instant.ofEpochMilli(rs.getLong(4)), rs.getString(5),
                KeySpec.valueOf(rs.getString(6)), KeyUsage.valueOf(rs.getString(7)), Origin.valueOf(rs.getString(8)),
                rs.getString(9), rs.getBoolean(10), KeyState.valueOf(rs.getString(11)), deletionDate,
                rs.getString(13), currentMaterial, rs.getLong(15));
    }

    private static AliasRecord aliasRow(ResultSet rs, AccountId account, Region region) throws SQLException {
        return new AliasRecord(new AliasArn(region, account, new AliasName(rs.getString(1))),
                new KeyId(rs.getString(2)), Instant.ofEpochMilli(rs.getLong(3)), Instant.ofEpochMilli(rs.getLong(4)));
    }

    static Object[] ids(KeyArn arn) {
        return new Object[] {arn.account().value(), arn.region().value(), arn.keyId().value()};
    }

    private static Object millis(Instant instant) {
        return instant == null ? Sql.Null.BIGINT : (Object) instant.toEpochMilli();
    }

    private static void requireOne(int rows, KeyArn arn) {
        if (rows != 1) {
            throw new IllegalStateException("expected one row for " + arn + ", changed " + rows);
        }
    }

    // ---- rotation

    @Override
    public RotationRecord rotation(KeyArn arn) {
        return sql.one("SELECT period_days, next_rotation, on_demand_count FROM kms_key_rotation" + BY_KEY,
                rs -> new RotationRecord(arn, (Integer) rs.getObject(1, Integer.class),
                        rs.getObject(2) == null ? null : Instant.ofEpochMilli(rs.getLong(2)), rs.getInt(3)),
                ids(arn)).orElse(RotationRecord.none(arn));
    }

    @Override
    public void putRotation(RotationRecord r) {
        sql.update("DELETE FROM kms_key_rotation" + BY_KEY, ids(r.arn()));
        sql.update("INSERT INTO kms_key_rotation (account_id, region, key_id, period_days, next_rotation, "
                        + "on_demand_count) VALUES (?, ?, ?, ?, ?, ?)",
                r.arn().account().value(), r.arn().region().value(), r.arn().keyId().value(),
                r.periodDays() == null ? Sql.Null.INTEGER : r.periodDays(), millis(r.nextRotation()),
                r.onDemandCount());
    }

    @Override
    public void insertRotationEvent(KeyArn arn, RotationEvent e) {
        sql.update("INSERT INTO kms_key_rotation_event (account_id, region, key_id, material_version, "
                        + "rotation_type, rotated_at) VALUES (?, ?, ?, ?, ?, ?)",
                arn.account().value(), arn.region().value(), arn.keyId().value(), e.version(), e.rotationType(),
                e.rotatedAt().toEpochMilli());
    }

    @Override
    public List<RotationEvent> rotationEvents(KeyArn arn) {
        return sql.list("SELECT material_version, rotation_type, rotated_at FROM kms_key_rotation_event" + BY_KEY
                        + " ORDER BY material_version",
                rs -> new RotationEvent(rs.getInt(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3))), ids(arn));
    }

    @Override
    public List<KeyArn> dueForRotation(Instant now, int limit) {
        return sql.list("SELECT r.account_id, r.region, r.key_id FROM kms_key_rotation r JOIN kms_key k "
                        + "ON k.account_id = r.account_id AND k.region = r.region AND k.key_id = r.key_id "
                        + "WHERE r.next_rotation <= ? AND k.key_state = ? "
                        + "ORDER BY r.next_rotation FETCH FIRST " + limit + " ROWS ONLY",
                rs -> new KeyArn(new Region(rs.getString(2)), new AccountId(rs.getString(1)),
                        new KeyId(rs.getString(3))),
                now.toEpochMilli(), KeyState.Enabled.name());
    }

    // ---- imported key material

    @Override
    public void insertImportToken(ImportTokenRecord token) {
        imports.insertToken(token);
    }

    @Override
    public Optional<ImportTokenRecord> importToken(String tokenId) {
        return imports.token(tokenId);
    }

    @Override
    public int deleteImportTokensBefore(Instant now) {
        return imports.deleteTokensBefore(now);
    }

    @Override
    public Optional<ImportedMaterialRecord> importedMaterial(KeyArn arn) {
        return imports.material(arn);
    }

    @Override
    public void putImportedMaterial(ImportedMaterialRecord material) {
        imports.putMaterial(material);
    }

    @Override
    public List<KeyArn> dueForMaterialExpiry(Instant now, int limit) {
        return imports.dueForExpiry(now, limit);
    }

    @Override
    public void deleteMaterials(KeyArn arn) {
        sql.update("DELETE FROM kms_key_material" + BY_KEY, ids(arn));
    }
}
