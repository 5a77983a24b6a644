-- Several instances on one database (issue 18): what each instance kept in memory before now lives
-- here, so every instance sees the same.

-- Comment limits per client address and per email, for a cluster on PostgreSQL (one instance on
-- SQLite keeps them in memory); the table is here so both schemas are alike.
CREATE TABLE rate_limit (
    key    TEXT PRIMARY KEY,
    tokens REAL NOT NULL,
    at     BIGINT NOT NULL
);
CREATE INDEX rate_limit_by_time ON rate_limit (at);

-- Failed staff logins per account, known browser and address (keyed hashes), for the throttle.
CREATE TABLE login_failure (
    key      TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    last_at  BIGINT NOT NULL
);

-- Staff sessions, read by whichever instance a request reaches (Spring Session JDBC's columns).
CREATE TABLE spring_session (
    primary_id            CHAR(36) NOT NULL PRIMARY KEY,
    session_id            CHAR(36) NOT NULL,
    creation_time         BIGINT NOT NULL,
    last_access_time      BIGINT NOT NULL,
    max_inactive_interval INTEGER NOT NULL,
    expiry_time           BIGINT NOT NULL,
    principal_name        VARCHAR(100)
);
CREATE UNIQUE INDEX spring_session_by_id ON spring_session (session_id);
CREATE INDEX spring_session_by_expiry ON spring_session (expiry_time);
CREATE INDEX spring_session_by_principal ON spring_session (principal_name);

CREATE TABLE spring_session_attributes (
    session_primary_id CHAR(36) NOT NULL REFERENCES spring_session (primary_id) ON DELETE CASCADE,
    attribute_name     VARCHAR(200) NOT NULL,
    attribute_bytes    BLOB NOT NULL,
    PRIMARY KEY (session_primary_id, attribute_name)
);

-- The photos themselves, so every instance serves every upload (names are unique and never reused).
CREATE TABLE photo_file (
    name  TEXT PRIMARY KEY,
    bytes BLOB NOT NULL
);
