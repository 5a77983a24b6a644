-- A commenter may appeal once against the rejection or take-down of their comment (the UNIQUE
-- comment_id), and a moderator decides the appeal once (the outcome's key is the appeal). Both are
-- append-only: an appeal and its outcome are never changed or removed.
CREATE TABLE appeal (
    id         INTEGER PRIMARY KEY,
    comment_id INTEGER NOT NULL UNIQUE REFERENCES comment (id),
    body       TEXT    NOT NULL,
    filed_at   INTEGER NOT NULL
);
CREATE INDEX appeal_by_time ON appeal (filed_at, id);

CREATE TABLE appeal_outcome (
    appeal_id  INTEGER PRIMARY KEY REFERENCES appeal (id),
    outcome    TEXT    NOT NULL CHECK (outcome IN ('UPHELD', 'REVERSED')),
    actor      TEXT    NOT NULL,
    decided_at INTEGER NOT NULL
);
CREATE INDEX appeal_outcome_by_time ON appeal_outcome (decided_at);

CREATE TRIGGER appeal_no_update BEFORE UPDATE ON appeal
BEGIN
    SELECT RAISE(ABORT, 'append_only: appeals cannot be changed');
END;
CREATE TRIGGER appeal_no_delete BEFORE DELETE ON appeal
BEGIN
    SELECT RAISE(ABORT, 'append_only: appeals cannot be removed');
END;
CREATE TRIGGER appeal_outcome_no_update BEFORE UPDATE ON appeal_outcome
BEGIN
    SELECT RAISE(ABORT, 'append_only: appeal outcomes cannot be changed');
END;
CREATE TRIGGER appeal_outcome_no_delete BEFORE DELETE ON appeal_outcome
BEGIN
    SELECT RAISE(ABORT, 'append_only: appeal outcomes cannot be removed');
END;
