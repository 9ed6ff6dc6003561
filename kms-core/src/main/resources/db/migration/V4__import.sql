-- kms-core schema, version 4: imported key material (kms-api §4.10). Portable SQL for H2 2.x and PostgreSQL.

-- One row per GetParametersForImport: the wrapping private key (PKCS#8, wrapped under the root key) that an
-- import token names, for the key it was issued for, until valid_to.
CREATE TABLE kms_import_token (
    token_id           VARCHAR(32)     NOT NULL,
    account_id         VARCHAR(12)     NOT NULL,
    region             VARCHAR(32)     NOT NULL,
    key_id             VARCHAR(40)     NOT NULL,
    wrapping_key_spec  VARCHAR(16)     NOT NULL,
    wrapping_algorithm VARCHAR(32)     NOT NULL,
    wrapped_private    BYTEA           NOT NULL,
    valid_to           BIGINT          NOT NULL,
    PRIMARY KEY (token_id),
    FOREIGN KEY (account_id, region, key_id) REFERENCES kms_key (account_id, region, key_id)
);

CREATE INDEX kms_import_token_valid_to ON kms_import_token (valid_to);

-- The material an EXTERNAL key is bound to (its id stays after DeleteImportedKeyMaterial, so only the same
-- material can come back), and the expiry of the material while it is imported (both null otherwise; valid_to
-- null also for KEY_MATERIAL_DOES_NOT_EXPIRE).
CREATE TABLE kms_imported_material (
    account_id         VARCHAR(12)     NOT NULL,
    region             VARCHAR(32)     NOT NULL,
    key_id             VARCHAR(40)     NOT NULL,
    material_id        VARCHAR(64)     NOT NULL,
    expiration_model   VARCHAR(32),
    valid_to           BIGINT,
    PRIMARY KEY (account_id, region, key_id),
    FOREIGN KEY (account_id, region, key_id) REFERENCES kms_key (account_id, region, key_id)
);

CREATE INDEX kms_imported_material_valid_to ON kms_imported_material (valid_to);
