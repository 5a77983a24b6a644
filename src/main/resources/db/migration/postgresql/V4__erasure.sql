-- A person may ask for their identifiers to be erased. This is the one change the trigger lets
-- through: name and email replaced by the erased markers, the text kept or replaced by the
-- removal notice, nothing else.
CREATE OR REPLACE FUNCTION comment_refuse_edit() RETURNS trigger AS $$
BEGIN
    IF NEW.id IS NOT DISTINCT FROM OLD.id
        AND NEW.article_id IS NOT DISTINCT FROM OLD.article_id
        AND NEW.token_hash IS NOT DISTINCT FROM OLD.token_hash
        AND NEW.submitted_at IS NOT DISTINCT FROM OLD.submitted_at
        AND NEW.author_name = '[erased]'
        AND NEW.author_email = 'erased-' || OLD.id || '@invalid'
        AND (NEW.body IS NOT DISTINCT FROM OLD.body
             OR NEW.body = '[removed at the author''s request]') THEN
        RETURN NEW;
    END IF;
    IF NEW.id IS DISTINCT FROM OLD.id
        OR NEW.article_id IS DISTINCT FROM OLD.article_id
        OR NEW.token_hash IS DISTINCT FROM OLD.token_hash
        OR NEW.author_name IS DISTINCT FROM OLD.author_name
        OR NEW.author_email IS DISTINCT FROM OLD.author_email
        OR NEW.body IS DISTINCT FROM OLD.body
        OR NEW.submitted_at IS DISTINCT FROM OLD.submitted_at THEN
        RAISE EXCEPTION 'comment_is_immutable: a comment''s text, author and article cannot be changed'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
