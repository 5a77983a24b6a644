ALTER TABLE article ADD COLUMN published BOOLEAN NOT NULL DEFAULT TRUE;
CREATE INDEX comment_by_email ON comment (author_email, id);
CREATE INDEX comment_by_decided ON comment (decided_at);

CREATE TABLE staff (
    id                      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email                   TEXT    NOT NULL UNIQUE,
    display_name            TEXT    NOT NULL,
    password_hash           TEXT    NOT NULL,
    roles                   TEXT    NOT NULL,
    enabled                 BOOLEAN NOT NULL DEFAULT TRUE,
    password_change_needed  BOOLEAN NOT NULL DEFAULT FALSE,
    created_at              BIGINT  NOT NULL
);

CREATE TABLE api_key (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       TEXT   NOT NULL,
    role       TEXT   NOT NULL,
    key_hash   TEXT   NOT NULL UNIQUE,
    created_by TEXT   NOT NULL,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT
);

-- Append-only: a decision is never changed or removed once made.
CREATE TABLE moderation_decision (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    comment_id BIGINT  NOT NULL REFERENCES comment (id),
    action     TEXT    NOT NULL CHECK (action IN ('APPROVE', 'REJECT')),
    codes      TEXT    NOT NULL DEFAULT '',
    note       TEXT,
    actor      TEXT    NOT NULL,
    automatic  BOOLEAN NOT NULL DEFAULT FALSE,
    decided_at BIGINT  NOT NULL
);
CREATE INDEX decision_by_comment ON moderation_decision (comment_id, id);
CREATE INDEX decision_by_time ON moderation_decision (decided_at);

CREATE TABLE audit_event (
    id      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at      BIGINT NOT NULL,
    actor   TEXT   NOT NULL,
    action  TEXT   NOT NULL,
    subject TEXT   NOT NULL DEFAULT '',
    detail  TEXT   NOT NULL DEFAULT ''
);
CREATE INDEX audit_by_action ON audit_event (action, id);
CREATE INDEX audit_by_actor ON audit_event (actor, id);

CREATE FUNCTION refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'append_only: % rows cannot be changed or removed', TG_TABLE_NAME
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER moderation_decision_append_only BEFORE UPDATE OR DELETE ON moderation_decision
FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
FOR EACH ROW EXECUTE FUNCTION refuse_change();
