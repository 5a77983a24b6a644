-- Erasure reaches a commenter's appeal too: its text may change to the removal notice, and to
-- nothing else. Everything else about an appeal stays append-only.
DROP TRIGGER appeal_no_update;
CREATE TRIGGER appeal_is_immutable
BEFORE UPDATE ON appeal
WHEN NEW.id IS NOT OLD.id
  OR NEW.comment_id IS NOT OLD.comment_id
  OR NEW.filed_at IS NOT OLD.filed_at
  OR (NEW.body IS NOT OLD.body AND NEW.body IS NOT '[removed at the author''s request]')
BEGIN
    SELECT RAISE(ABORT, 'append_only: appeals cannot be changed');
END;
