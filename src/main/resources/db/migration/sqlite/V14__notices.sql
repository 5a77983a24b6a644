-- E-mail notices (issue 21): whether the commenter asked to hear of the decision, further keys
-- that open a comment's status page (one per link sent by e-mail, the first one stays in
-- comment.token_hash), and the outbox the sender works through.
ALTER TABLE comment ADD COLUMN notify_on_decision INTEGER NOT NULL DEFAULT 0;

CREATE TABLE comment_status_key (
    key_hash   TEXT   NOT NULL PRIMARY KEY,
    comment_id BIGINT NOT NULL REFERENCES comment (id),
    issued_at  BIGINT NOT NULL
);
CREATE INDEX comment_status_key_by_comment ON comment_status_key (comment_id);

-- The recipient is read from the comment when the notice is sent, so an erased commenter is
-- never written to and the address is kept in one place only.
CREATE TABLE notice (
    id              INTEGER PRIMARY KEY,
    kind            TEXT   NOT NULL,
    comment_id      BIGINT NOT NULL REFERENCES comment (id),
    language        TEXT   NOT NULL,
    site_base       TEXT,
    status          TEXT   NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    last_error      TEXT,
    created_at      BIGINT NOT NULL,
    sent_at         BIGINT
);
CREATE INDEX notice_due ON notice (status, next_attempt_at);
