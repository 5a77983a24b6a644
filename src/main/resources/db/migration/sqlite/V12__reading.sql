-- Reading like a newspaper (issue 20).
-- Sections belong to one edition (language); an article is filed under at most one.
CREATE TABLE section (
    id       INTEGER PRIMARY KEY,
    language TEXT    NOT NULL,
    slug     TEXT    NOT NULL,
    name     TEXT    NOT NULL,
    position INTEGER NOT NULL,
    UNIQUE (language, slug)
);
ALTER TABLE article ADD COLUMN section_id INTEGER REFERENCES section (id);
CREATE INDEX article_section_newest ON article (section_id, published_at DESC, id DESC);

-- The search index holds each article's headline and body folded by the application (Arabic-script
-- letter variants, diacritics, case), keyed by the article's id as rowid; the application keeps it
-- in step with the article table.
CREATE VIRTUAL TABLE article_search USING fts5 (headline, body, tokenize = 'unicode61 remove_diacritics 2');

-- Reads per article per day (UTC), added up by each instance: no reader, cookie or address kept.
CREATE TABLE article_read (
    article_id INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    day        INTEGER NOT NULL,
    reads      INTEGER NOT NULL,
    PRIMARY KEY (article_id, day)
);
CREATE INDEX article_read_by_day ON article_read (day, article_id);
