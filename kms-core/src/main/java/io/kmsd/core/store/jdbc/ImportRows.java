package io.kmsd.core.store.jdbc;

import io.kmsd.core.key.AccountId;
import io.kmsd.core.key.KeyArn;
import io.kmsd.core.key.KeyId;
import io.kmsd.core.key.Region;
import io.kmsd.core.store.ImportTokenRecord;
import io.kmsd.core.store.ImportedMaterialRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The SQL of imported key material (kms-api §4.10, migration V4) for {@link JdbcTx}. */
final class ImportRows {
    private static final String BY_KEY = " WHERE account_id = ? AND region = ? AND key_id = ?";

    private final Sql sql;

    ImportRows(Sql sql) {
        this.sql = sql;
    }

    void insertToken(ImportTokenRecord t) {
        sql.update("INSERT INTO kms_import_token (token_id, account_id, region, key_id, wrapping_key_spec, "
                        + "wrapping_algorithm, wrapped_private, valid_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                t.tokenId(), t.arn().account().value(), t.arn().region().value(), t.arn().keyId().value(),
                t.wrappingKeySpec(), t.wrappingAlgorithm(), t.wrappedPrivateKey(), t.validTo().toEpochMilli());
    }

    Optional<ImportTokenRecord> token(String tokenId) {
        return sql.one("SELECT token_id, account_id, region, key_id, wrapping_key_spec, wrapping_algorithm, "
                + "wrapped_private, valid_to FROM kms_import_token WHERE token_id = ?", ImportRows::tokenRow, tokenId);
    }

    int deleteTokensBefore(Instant now) {
        return sql.update("DELETE FROM kms_import_token WHERE valid_to < ?", now.toEpochMilli());
    }

    Optional<ImportedMaterialRecord> material(KeyArn arn) {
        return sql.one("SELECT material_id, expiration_model, valid_to FROM kms_imported_material" + BY_KEY,
                rs -> new ImportedMaterialRecord(arn, rs.getString(1), rs.getString(2),
                        rs.getObject(3) == null ? null : Instant.ofEpochMilli(rs.getLong(3))),
                JdbcTx.ids(arn));
    }

    void putMaterial(ImportedMaterialRecord m) {
        sql.update("DELETE FROM kms_imported_material" + BY_KEY, JdbcTx.ids(m.arn()));
        sql.update("INSERT INTO kms_imported_material (account_id, region, key_id, material_id, expiration_model, "
                        + "valid_to) VALUES (?, ?, ?, ?, ?, ?)",
                m.arn().account().value(), m.arn().region().value(), m.arn().keyId().value(), m.materialId(),
                m.expirationModel() == null ? Sql.Null.VARCHAR : m.expirationModel(),
                m.validTo() == null ? Sql.Null.BIGINT : m.validTo().toEpochMilli());
    }

    List<KeyArn> dueForExpiry(Instant now, int limit) {
        return sql.list("SELECT account_id, region, key_id FROM kms_imported_material WHERE valid_to <= ? "
                        + "ORDER BY valid_to FETCH FIRST " + limit + " ROWS ONLY",
                rs -> new KeyArn(new Region(rs.getString(2)), new AccountId(rs.getString(1)),
                        new KeyId(rs.getString(3))),
                now.toEpochMilli());
    }

    /** Part of deleting a key: its tokens and its binding. */
    void deleteAll(KeyArn arn) {
        sql.update("DELETE FROM kms_import_token" + BY_KEY, JdbcTx.ids(arn));
        sql.update("DELETE FROM kms_imported_material" + BY_KEY, JdbcTx.ids(arn));
    }

    private static ImportTokenRecord tokenRow(ResultSet rs) throws SQLException {
        KeyArn arn = new KeyArn(new Region(rs.getString(3)), new AccountId(rs.getString(2)), new KeyId(rs.getString(4)));
        return new ImportTokenRecord(rs.getString(1), arn, rs.getString(5), rs.getString(6), rs.getBytes(7),
                Instant.ofEpochMilli(rs.getLong(8)));
    }
}
