-- "Find my comments" (issue 21): a request is a notice of its own kind in the outbox, so it is sent
-- with the same retries and lease as a decision's. It is about no single comment (comment_id may be
-- NULL) and names its recipient: the address's key (CommenterEmail.key), kept only until the
-- request is sent, given up or found to have nothing to send (then NULL). client_key and
-- email_hash are keyed hashes (KeyedHash) of the asking client and of the address, kept to count
-- requests against the limits. NOTHING: no comments of the last 30 days, nothing was sent.
ALTER TABLE notice ALTER COLUMN comment_id DROP NOT NULL;
ALTER TABLE notice ADD COLUMN recipient TEXT;
ALTER TABLE notice ADD COLUMN client_key TEXT;
ALTER TABLE notice ADD COLUMN email_hash TEXT;
ALTER TABLE notice DROP CONSTRAINT notice_status_check;
ALTER TABLE notice ADD CONSTRAINT notice_status_check
    CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'NOTHING'));
ALTER TABLE notice ADD CONSTRAINT notice_about_a_comment
    CHECK (comment_id IS NOT NULL OR kind = 'FIND_MY_COMMENTS');
CREATE INDEX notice_by_client ON notice (client_key, created_at) WHERE client_key IS NOT NULL;
CREATE INDEX notice_by_email_hash ON notice (email_hash, created_at) WHERE email_hash IS NOT NULL;
