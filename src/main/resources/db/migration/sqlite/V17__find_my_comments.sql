-- "Find my comments" (issue 21): a request is a notice of its own kind in the outbox, so it is sent
-- with the same retries and lease as a decision's. It is about no single comment (comment_id may be
-- NULL) and names its recipient: the address's key (CommenterEmail.key), kept only until the
-- request is sent, given up or found to have nothing to send (then NULL). client_key and
-- email_hash are keyed hashes (KeyedHash) of the asking client and of the address, kept to count
-- requests against the limits. NOTHING: no comments of the last 30 days, nothing was sent.
-- SQLite cannot relax a NOT NULL column or a CHECK in place, so the table is rebuilt; nothing
-- refers to it.
CREATE TABLE notice_v17 (
    id              INTEGER PRIMARY KEY,
    kind            TEXT   NOT NULL,
    comment_id      BIGINT REFERENCES comment (id),
    language        TEXT   NOT NULL,
    site_base       TEXT,
    status          TEXT   NOT NULL DEFAULT 'PENDING'
                    CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'NOTHING')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    last_error      TEXT,
    created_at      BIGINT NOT NULL,
    sent_at         BIGINT,
    recipient       TEXT,
    client_key      TEXT,
    email_hash      TEXT,
    CHECK (comment_id IS NOT NULL OR kind = 'FIND_MY_COMMENTS')
);
INSERT INTO notice_v17 (id, kind, comment_id, language, site_base, status, attempts,
                        next_attempt_at, last_error, created_at, sent_at)
SELECT id, kind, comment_id, language, site_base, status, attempts, next_attempt_at, last_error,
       created_at, sent_at
FROM notice;
DROP TABLE notice;
ALTER TABLE notice_v17 RENAME TO notice;
CREATE INDEX notice_due ON notice (status, next_attempt_at);
CREATE INDEX notice_by_client ON notice (client_key, created_at) WHERE client_key IS NOT NULL;
CREATE INDEX notice_by_email_hash ON notice (email_hash, created_at) WHERE email_hash IS NOT NULL;
