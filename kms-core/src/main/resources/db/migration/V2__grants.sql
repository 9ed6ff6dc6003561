-- kms-core schema, version 2: grants (kms-api §4.9). Portable SQL for H2 2.x and PostgreSQL.
-- Retired and revoked grants keep their row with their state (a tombstone), so that a node can refuse the
-- token of an ended grant; ListGrants and the limit of 50,000 count ACTIVE grants only. A deleted key takes
-- its grants with it (JdbcTx.deleteKey).

CREATE TABLE kms_grant (
    grant_id           VARCHAR(64)     NOT NULL,
    account_id         VARCHAR(12)     NOT NULL,
    region             VARCHAR(32)     NOT NULL,
    key_id             VARCHAR(40)     NOT NULL,
    grant_name         VARCHAR(256),
    created_at         BIGINT          NOT NULL,
    grantee            VARCHAR(256)    NOT NULL,
    retiring           VARCHAR(256),
    issuing_account    VARCHAR(12)     NOT NULL,
    operations         VARCHAR(512)    NOT NULL,
    constraint_type    VARCHAR(32),
    constraint_pairs   VARCHAR(32768),
    grant_state        VARCHAR(16)     NOT NULL,
    ended_at           BIGINT,
    PRIMARY KEY (grant_id),
    FOREIGN KEY (account_id, region, key_id) REFERENCES kms_key (account_id, region, key_id)
);

CREATE INDEX kms_grant_by_key ON kms_grant (account_id, region, key_id, grant_state, grant_id);
CREATE INDEX kms_grant_by_name ON kms_grant (account_id, region, key_id, grant_name);
CREATE INDEX kms_grant_by_retiring ON kms_grant (retiring, grant_state, grant_id);

-- One row per key that ever had a grant: a change counter that nodes poll to know when to re-read the
-- key's grants, and the number of ACTIVE grants for the limit check. Written under the key row's lock.
CREATE TABLE kms_key_grants (
    account_id         VARCHAR(12)     NOT NULL,
    region             VARCHAR(32)     NOT NULL,
    key_id             VARCHAR(40)     NOT NULL,
    version            BIGINT          NOT NULL,
    active_grants      INTEGER         NOT NULL,
    PRIMARY KEY (account_id, region, key_id),
    FOREIGN KEY (account_id, region, key_id) REFERENCES kms_key (account_id, region, key_id)
);
