-- What the screening engine said about each comment, written with the comment itself.
CREATE TABLE comment_screening (
    comment_id BIGINT PRIMARY KEY REFERENCES comment (id),
    version    TEXT             NOT NULL,
    language   TEXT             NOT NULL DEFAULT '',
    risk       DOUBLE PRECISION NOT NULL,
    scores     TEXT             NOT NULL DEFAULT '',
    flagged    TEXT             NOT NULL DEFAULT '',
    evidence   TEXT             NOT NULL DEFAULT '',
    kinds      TEXT             NOT NULL DEFAULT '',
    failed     BOOLEAN          NOT NULL DEFAULT FALSE,
    failure    TEXT
);
CREATE INDEX comment_screening_risk ON comment_screening (risk DESC, comment_id);

-- Automatic moderation, off unless an admin sets a threshold: 'REJECT:<CODE>' or 'APPROVE_BELOW'.
CREATE TABLE moderation_policy (
    name      TEXT PRIMARY KEY,
    threshold DOUBLE PRECISION NOT NULL
);
