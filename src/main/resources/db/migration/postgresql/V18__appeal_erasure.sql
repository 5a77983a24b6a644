-- Erasure reaches a commenter's appeal too: its text may change to the removal notice, and to
-- nothing else. Everything else about an appeal stays append-only.
CREATE FUNCTION appeal_refuse_edit() RETURNS trigger AS $$
BEGIN
    IF NEW.id IS DISTINCT FROM OLD.id
        OR NEW.comment_id IS DISTINCT FROM OLD.comment_id
        OR NEW.filed_at IS DISTINCT FROM OLD.filed_at
        OR (NEW.body IS DISTINCT FROM OLD.body
            AND NEW.body <> '[removed at the author''s request]') THEN
        RAISE EXCEPTION 'append_only: appeals cannot be changed'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER appeal_append_only ON appeal;
CREATE TRIGGER appeal_no_edit BEFORE UPDATE ON appeal
FOR EACH ROW EXECUTE FUNCTION appeal_refuse_edit();
CREATE TRIGGER appeal_no_delete BEFORE DELETE ON appeal
FOR EACH ROW EXECUTE FUNCTION refuse_change();
