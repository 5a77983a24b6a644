ALTER TABLE article ADD COLUMN published INTEGER NOT NULL DEFAULT 1;
CREATE INDEX comment_by_email ON comment (author_email, id);
CREATE INDEX comment_by_decided ON comment (decided_at);

CREATE TABLE staff (
    id                      INTEGER PRIMARY KEY,
    email                   TEXT    NOT NULL UNIQUE,
    display_name            TEXT    NOT NULL,
    password_hash           TEXT    NOT NULL,
    roles                   TEXT    NOT NULL,
    enabled                 INTEGER NOT NULL DEFAULT 1,
    password_change_needed  INTEGER NOT NULL DEFAULT 0,
    created_at              INTEGER NOT NULL
);

CREATE TABLE api_key (
    id         INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL,
    role       TEXT    NOT NULL,
    key_hash   TEXT    NOT NULL UNIQUE,
    created_by TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    revoked_at INTEGER
);

-- Append-only: a decision is never changed or removed once made.
CREATE TABLE moderation_decision (
    id         INTEGER PRIMARY KEY,
    comment_id INTEGER NOT NULL REFERENCES comment (id),
    action     TEXT    NOT NULL CHECK (action IN ('APPROVE', 'REJECT')),
    codes      TEXT    NOT NULL DEFAULT '',
    note       TEXT,
    actor      TEXT    NOT NULL,
    automatic  INTEGER NOT NULL DEFAULT 0,
    decided_at INTEGER NOT NULL
);
CREATE INDEX decision_by_comment ON moderation_decision (comment_id, id);
CREATE INDEX decision_by_time ON moderation_decision (decided_at);

CREATE TABLE audit_event (
    id      INTEGER PRIMARY KEY,
    at      INTEGER NOT NULL,
    actor   TEXT    NOT NULL,
    action  TEXT    NOT NULL,
    subject TEXT    NOT NULL DEFAULT '',
    detail  TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX audit_by_action ON audit_event (action, id);
CREATE INDEX audit_by_actor ON audit_event (actor, id);

CREATE TRIGGER moderation_decision_no_update BEFORE UPDATE ON moderation_decision
BEGIN
    SELECT RAISE(ABORT, 'append_only: decisions cannot be changed');
END;
CREATE TRIGGER moderation_decision_no_delete BEFORE DELETE ON moderation_decision
BEGIN
    SELECT RAISE(ABORT, 'append_only: decisions cannot be removed');
END;
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'append_only: the audit log cannot be changed');
END;
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'append_only: the audit log cannot be changed');
END;
