-- Times are epoch milliseconds (UTC) so both databases store and sort them alike.
CREATE TABLE article (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug          TEXT    NOT NULL UNIQUE,
    headline      TEXT    NOT NULL,
    source        TEXT    NOT NULL,
    dateline      TEXT    NOT NULL DEFAULT '',
    body          TEXT    NOT NULL,
    language      TEXT    NOT NULL,
    published_at  BIGINT  NOT NULL,
    updated_at    BIGINT,
    comments_open BOOLEAN NOT NULL DEFAULT TRUE
);
CREATE INDEX article_newest ON article (published_at DESC, id DESC);

CREATE TABLE article_tag (
    article_id BIGINT  NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    slug       TEXT    NOT NULL,
    name       TEXT    NOT NULL,
    position   INTEGER NOT NULL,
    PRIMARY KEY (slug, article_id)
);
CREATE INDEX article_tag_by_article ON article_tag (article_id, position);

CREATE TABLE photo (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id   BIGINT  NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    file_name    TEXT    NOT NULL UNIQUE,
    content_type TEXT    NOT NULL,
    caption      TEXT    NOT NULL,
    credit       TEXT    NOT NULL
);
CREATE INDEX photo_by_article ON photo (article_id, position);

CREATE TABLE comment (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id   BIGINT NOT NULL REFERENCES article (id),
    token_hash   TEXT   NOT NULL UNIQUE,
    author_name  TEXT   NOT NULL,
    author_email TEXT   NOT NULL,
    body         TEXT   NOT NULL,
    submitted_at BIGINT NOT NULL,
    status       TEXT   NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    decided_at   BIGINT,
    codes        TEXT   NOT NULL DEFAULT '',
    note         TEXT
);
CREATE INDEX comment_by_article ON comment (article_id, status, id);
CREATE INDEX comment_by_status ON comment (status, id);

-- A comment is published as written or not at all: only its moderation state may change.
CREATE FUNCTION comment_refuse_edit() RETURNS trigger AS $$
BEGIN
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

CREATE TRIGGER comment_is_immutable
BEFORE UPDATE ON comment
FOR EACH ROW EXECUTE FUNCTION comment_refuse_edit();
