-- What the screening engine said about each comment, written with the comment itself.
CREATE TABLE comment_screening (
    comment_id INTEGER PRIMARY KEY REFERENCES comment (id),
    version    TEXT    NOT NULL,
    language   TEXT    NOT NULL DEFAULT '',
    risk       REAL    NOT NULL,
    scores     TEXT    NOT NULL DEFAULT '',
    flagged    TEXT    NOT NULL DEFAULT '',
    evidence   TEXT    NOT NULL DEFAULT '',
    kinds      TEXT    NOT NULL DEFAULT '',
    failed     INTEGER NOT NULL DEFAULT 0,
    failure    TEXT
);
CREATE INDEX comment_screening_risk ON comment_screening (risk DESC, comment_id);

-- Automatic moderation, off unless an admin sets a threshold: 'REJECT:<CODE>' or 'APPROVE_BELOW'.
CREATE TABLE moderation_policy (
    name      TEXT PRIMARY KEY,
    threshold REAL NOT NULL
);
