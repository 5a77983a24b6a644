-- The second screening stage (issue 23): a background worker reads each stored comment with a
-- sentence encoder and writes the combined verdict over the first stage's. The state of that work
-- lives here, so work left when the process stops is found again at start:
--   OFF (stage switched off when stored), PENDING, WORKING (claimed at claimed_at), SCORED,
--   UNSCORED (could not score: never approved automatically), LANGUAGE (not a language the
--   encoder reads), NOTHING_TO_READ, NOT_NEEDED (decided before the stage reached it).
ALTER TABLE comment_screening ADD COLUMN second_stage TEXT NOT NULL DEFAULT 'PENDING';
ALTER TABLE comment_screening ADD COLUMN second_note TEXT NOT NULL DEFAULT '';
-- The encoder heads' own scores; risk, scores, flagged, evidence and kinds become the combined
-- verdict once SCORED, and the first stage's risk and scores are kept beside them.
ALTER TABLE comment_screening ADD COLUMN second_scores TEXT NOT NULL DEFAULT '';
ALTER TABLE comment_screening ADD COLUMN first_risk REAL;
ALTER TABLE comment_screening ADD COLUMN first_scores TEXT;
ALTER TABLE comment_screening ADD COLUMN claimed_at INTEGER;

-- Comments decided before this version need no second reading.
UPDATE comment_screening SET second_stage = 'NOT_NEEDED'
 WHERE comment_id IN (SELECT id FROM comment WHERE status <> 'PENDING');

-- The worker's backlog, however large the table: only rows still to do are in it.
CREATE INDEX comment_screening_second_stage ON comment_screening (comment_id)
 WHERE second_stage IN ('PENDING', 'WORKING');
