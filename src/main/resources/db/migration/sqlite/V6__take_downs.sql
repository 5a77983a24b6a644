-- A published comment can be taken down (status REMOVED, with the time in removed_at), which is a
-- decision of its own (action REMOVE). A comment also records whether a policy rather than a person
-- made its decision, so its status page can say which.
--
-- SQLite cannot change a CHECK constraint in place, and rebuilding the comment table would mean
-- dropping the table that decisions and screening results refer to. So the status column is
-- replaced by a new one whose CHECK allows REMOVED: rename, add, copy, drop the old one.
ALTER TABLE comment RENAME COLUMN status TO status_before_v6;
ALTER TABLE comment ADD COLUMN status TEXT NOT NULL DEFAULT 'PENDING'
    CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'REMOVED'));
UPDATE comment SET status = status_before_v6;
DROP INDEX comment_by_article;
DROP INDEX comment_by_status;
ALTER TABLE comment DROP COLUMN status_before_v6;
CREATE INDEX comment_by_article ON comment (article_id, status, id);
CREATE INDEX comment_by_status ON comment (status, id);

ALTER TABLE comment ADD COLUMN removed_at INTEGER;
ALTER TABLE comment ADD COLUMN decided_automatically INTEGER NOT NULL DEFAULT 0;
UPDATE comment SET decided_automatically = 1
 WHERE id IN (SELECT comment_id FROM moderation_decision WHERE automatic = 1);

-- Nothing refers to the decisions, so that table is rebuilt with the wider CHECK, every row kept
-- as it was, and its append-only triggers made again.
CREATE TABLE moderation_decision_v6 (
    id         INTEGER PRIMARY KEY,
    comment_id INTEGER NOT NULL REFERENCES comment (id),
    action     TEXT    NOT NULL CHECK (action IN ('APPROVE', 'REJECT', 'REMOVE')),
    codes      TEXT    NOT NULL DEFAULT '',
    note       TEXT,
    actor      TEXT    NOT NULL,
    automatic  INTEGER NOT NULL DEFAULT 0,
    decided_at INTEGER NOT NULL
);
INSERT INTO moderation_decision_v6 (id, comment_id, action, codes, note, actor, automatic, decided_at)
SELECT id, comment_id, action, codes, note, actor, automatic, decided_at FROM moderation_decision;
DROP TABLE moderation_decision;
ALTER TABLE moderation_decision_v6 RENAME TO moderation_decision;
CREATE INDEX decision_by_comment ON moderation_decision (comment_id, id);
CREATE INDEX decision_by_time ON moderation_decision (decided_at);
CREATE TRIGGER moderation_decision_no_update BEFORE UPDATE ON moderation_decision
BEGIN
    SELECT RAISE(ABORT, 'append_only: decisions cannot be changed');
END;
CREATE TRIGGER moderation_decision_no_delete BEFORE DELETE ON moderation_decision
BEGIN
    SELECT RAISE(ABORT, 'append_only: decisions cannot be removed');
END;
