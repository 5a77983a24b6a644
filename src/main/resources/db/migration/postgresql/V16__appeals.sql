-- A commenter may appeal once against the rejection or take-down of their comment (the UNIQUE
-- comment_id), and a moderator decides the appeal once (the outcome's key is the appeal). Both are
-- append-only: an appeal and its outcome are never changed or removed.
CREATE TABLE appeal (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    comment_id BIGINT NOT NULL UNIQUE REFERENCES comment (id),
    body       TEXT   NOT NULL,
    filed_at   BIGINT NOT NULL
);
CREATE INDEX appeal_by_time ON appeal (filed_at, id);

CREATE TABLE appeal_outcome (
    appeal_id  BIGINT PRIMARY KEY REFERENCES appeal (id),
    outcome    TEXT   NOT NULL CHECK (outcome IN ('UPHELD', 'REVERSED')),
    actor      TEXT   NOT NULL,
    decided_at BIGINT NOT NULL
);
CREATE INDEX appeal_outcome_by_time ON appeal_outcome (decided_at);

CREATE TRIGGER appeal_append_only BEFORE UPDATE OR DELETE ON appeal
FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER appeal_outcome_append_only BEFORE UPDATE OR DELETE ON appeal_outcome
FOR EACH ROW EXECUTE FUNCTION refuse_change();
