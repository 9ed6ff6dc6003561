-- kms-core schema, version 3: key rotation (kms-api §4.7). Portable SQL for H2 2.x and PostgreSQL.
-- A key without a row has never had rotation enabled and has no on-demand rotations.

CREATE TABLE kms_key_rotation (
    account_id       VARCHAR(12)     NOT NULL,
    region           VARCHAR(32)     NOT NULL,
    key_id           VARCHAR(40)     NOT NULL,
    period_days      INTEGER,
    next_rotation    BIGINT,
    on_demand_count  INTEGER         NOT NULL,
    PRIMARY KEY (account_id, region, key_id),
    FOREIGN KEY (account_id, region, key_id) REFERENCES kms_key (account_id, region, key_id)
);

CREATE INDEX kms_key_rotation_due ON kms_key_rotation (next_rotation);

-- One row per completed rotation: the material it made current, how and when.
CREATE TABLE kms_key_rotation_event (
    account_id       VARCHAR(12)     NOT NULL,
    region           VARCHAR(32)     NOT NULL,
    key_id           VARCHAR(40)     NOT NULL,
    material_version INTEGER         NOT NULL,
    rotation_type    VARCHAR(16)     NOT NULL,
    rotated_at       BIGINT          NOT NULL,
    PRIMARY KEY (account_id, region, key_id, material_version),
    FOREIGN KEY (account_id, region, key_id) REFERENCES kms_key (account_id, region, key_id)
);
