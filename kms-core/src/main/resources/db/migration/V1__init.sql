-- kms-core schema, version 1. Portable SQL: runs unchanged on H2 2.x and PostgreSQL.
-- Times are epoch milliseconds (BIGINT) so no time zone handling differs between the two.

CREATE TABLE kms_key (
    account_id       VARCHAR(12)     NOT NULL,
    region           VARCHAR(32)     NOT NULL,
    key_id           VARCHAR(40)     NOT NULL,
    created_at       BIGINT          NOT NULL,
    description      VARCHAR(8192)   NOT NULL,
    key_spec         VARCHAR(32)     NOT NULL,
    key_usage        VARCHAR(32)     NOT NULL,
    origin           VARCHAR(32)     NOT NULL,
    key_manager      VARCHAR(16)     NOT NULL,
    multi_region     BOOLEAN         NOT NULL,
    key_state        VARCHAR(32)     NOT NULL,
    deletion_date    BIGINT,
    policy           VARCHAR(131072) NOT NULL,
    current_material INTEGER,
    row_version      BIGINT          NOT NULL,
    PRIMARY KEY (account_id, region, key_id)
);

-- Decrypt without KeyId finds the key by (region, key id) in whatever account owns it.
CREATE INDEX kms_key_by_id ON kms_key (region, key_id);
CREATE INDEX kms_key_by_deletion ON kms_key (deletion_date);

-- Key material, wrapped (AES-256-GCM) under the root key; never stored in the clear.
CREATE TABLE kms_key_material (
    account_id       VARCHAR(12)     NOT NULL,
    region           VARCHAR(32)     NOT NULL,
    key_id           VARCHAR(40)     NOT NULL,
    material_version INTEGER         NOT NULL,
    material_id      VARCHAR(64)     NOT NULL,
    wrapped          BYTEA           NOT NULL,
    created_at       BIGINT          NOT NULL,
    PRIMARY KEY (account_id, region, key_id, material_version),
    FOREIGN KEY (account_id, region, key_id) REFERENCES kms_key (account_id, region, key_id)
);

CREATE TABLE kms_key_tag (
    account_id       VARCHAR(12)     NOT NULL,
    region           VARCHAR(32)     NOT NULL,
    key_id           VARCHAR(40)     NOT NULL,
    tag_key          VARCHAR(128)    NOT NULL,
    tag_value        VARCHAR(256)    NOT NULL,
    PRIMARY KEY (account_id, region, key_id, tag_key),
    FOREIGN KEY (account_id, region, key_id) REFERENCES kms_key (account_id, region, key_id)
);

CREATE TABLE kms_alias (
    account_id       VARCHAR(12)     NOT NULL,
    region           VARCHAR(32)     NOT NULL,
    alias_name       VARCHAR(256)    NOT NULL,
    key_id           VARCHAR(40)     NOT NULL,
    created_at       BIGINT          NOT NULL,
    updated_at       BIGINT          NOT NULL,
    PRIMARY KEY (account_id, region, alias_name),
    FOREIGN KEY (account_id, region, key_id) REFERENCES kms_key (account_id, region, key_id)
);

CREATE INDEX kms_alias_by_key ON kms_alias (account_id, region, key_id);
