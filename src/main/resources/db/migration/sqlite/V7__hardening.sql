-- Hardening after the attack on main (issue 16).

-- Every staff session records the version of its account's credentials it was made with; a
-- disable, a password change or reset, or a role change raises the version and so ends them all.
ALTER TABLE staff ADD COLUMN session_version INTEGER NOT NULL DEFAULT 0;

-- Each API key acts for the admin who made it: it works only while that account is enabled and
-- an admin. Keys made before this version are matched to their creator by email where possible.
ALTER TABLE api_key ADD COLUMN creator_id INTEGER REFERENCES staff (id);
UPDATE api_key
   SET creator_id = (SELECT s.id FROM staff s WHERE s.email = lower(trim(api_key.created_by)));

-- A commenter is one person however they capitalise their address: erasure, export, history,
-- limits and the duplicate check compare this key (the address trimmed and in lower case). The
-- key of an address with characters beyond ASCII is left empty here and filled in by the
-- application at start (SQLite's lower() knows ASCII only).
ALTER TABLE comment ADD COLUMN email_key TEXT;
UPDATE comment SET email_key = lower(trim(author_email)) WHERE author_email NOT GLOB '*[^ -~]*';
DROP INDEX comment_by_email;
CREATE INDEX comment_by_email_key ON comment (email_key, id);
-- Finds the keys still to fill at start at once, however many comments there are.
CREATE INDEX comment_without_email_key ON comment (id) WHERE email_key IS NULL;

-- The key is as fixed as the address: once set it changes only with the erasure markers.
CREATE TRIGGER comment_email_key_is_fixed
BEFORE UPDATE OF email_key ON comment
WHEN OLD.email_key IS NOT NULL
 AND NEW.email_key IS NOT OLD.email_key
 AND NOT (NEW.email_key = 'erased-' || OLD.id || '@invalid' AND NEW.author_email IS NEW.email_key)
BEGIN
    SELECT RAISE(ABORT, 'comment_is_immutable: a comment''s text, author and article cannot be changed');
END;

-- Secrets this installation makes for itself on first use (the key of the audit log's hashes).
CREATE TABLE installation_secret (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Exports used to write the commenter's address into the append-only log; it is replaced here,
-- the one change ever made to the log (new entries carry a keyed hash instead).
DROP TRIGGER audit_event_no_update;
UPDATE audit_event SET subject = '(an address, recorded before V7)'
 WHERE action LIKE 'privacy.%' AND subject LIKE '%@%';
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'append_only: the audit log cannot be changed');
END;
