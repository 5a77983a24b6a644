-- A published comment can be taken down (status REMOVED, with the time in removed_at), which is a
-- decision of its own (action REMOVE). A comment also records whether a policy rather than a person
-- made its decision, so its status page can say which.
ALTER TABLE comment DROP CONSTRAINT comment_status_check;
ALTER TABLE comment ADD CONSTRAINT comment_status_check
    CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'REMOVED'));
ALTER TABLE comment ADD COLUMN removed_at BIGINT;
ALTER TABLE comment ADD COLUMN decided_automatically BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE comment SET decided_automatically = TRUE
 WHERE id IN (SELECT comment_id FROM moderation_decision WHERE automatic);

ALTER TABLE moderation_decision DROP CONSTRAINT moderation_decision_action_check;
ALTER TABLE moderation_decision ADD CONSTRAINT moderation_decision_action_check
    CHECK (action IN ('APPROVE', 'REJECT', 'REMOVE'));
