-- Issue 22 (embed): the origins an admin allows to embed Diwan's comment section, and the stories
-- of those sites, kept as articles of kind "external": never published on Diwan's own pages
-- (published stays false), commentable through the embed. external_url is the host page's
-- canonical URL; external_key is "<origin> <id>" when the host element named an id.
CREATE TABLE embed_site (
    origin   TEXT   PRIMARY KEY,
    added_at BIGINT NOT NULL,
    added_by TEXT   NOT NULL
);
ALTER TABLE article ADD COLUMN external_url TEXT;
ALTER TABLE article ADD COLUMN external_key TEXT;
CREATE UNIQUE INDEX article_external_url ON article (external_url);
CREATE UNIQUE INDEX article_external_key ON article (external_key);
