-- A person may ask for their identifiers to be erased. This is the one change the trigger lets
-- through: name and email replaced by the erased markers, the text kept or replaced by the
-- removal notice, nothing else.
DROP TRIGGER comment_is_immutable;
CREATE TRIGGER comment_is_immutable
BEFORE UPDATE ON comment
WHEN (NEW.id IS NOT OLD.id
  OR NEW.article_id IS NOT OLD.article_id
  OR NEW.token_hash IS NOT OLD.token_hash
  OR NEW.author_name IS NOT OLD.author_name
  OR NEW.author_email IS NOT OLD.author_email
  OR NEW.body IS NOT OLD.body
  OR NEW.submitted_at IS NOT OLD.submitted_at)
 AND NOT (NEW.id IS OLD.id
  AND NEW.article_id IS OLD.article_id
  AND NEW.token_hash IS OLD.token_hash
  AND NEW.submitted_at IS OLD.submitted_at
  AND NEW.author_name = '[erased]'
  AND NEW.author_email = 'erased-' || OLD.id || '@invalid'
  AND (NEW.body IS OLD.body OR NEW.body = '[removed at the author''s request]'))
BEGIN
    SELECT RAISE(ABORT, 'comment_is_immutable: a comment''s text, author and article cannot be changed');
END;
