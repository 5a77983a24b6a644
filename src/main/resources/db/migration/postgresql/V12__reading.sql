-- Reading like a newspaper (issue 20).
-- Sections belong to one edition (language); an article is filed under at most one.
CREATE TABLE section (
    id       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    language TEXT    NOT NULL,
    slug     TEXT    NOT NULL,
    name     TEXT    NOT NULL,
    position INTEGER NOT NULL,
    UNIQUE (language, slug)
);
ALTER TABLE article ADD COLUMN section_id BIGINT REFERENCES section (id);
CREATE INDEX article_section_newest ON article (section_id, published_at DESC, id DESC);

-- The search index: each article's headline (weight A) and body (weight B), folded by the
-- application (Arabic-script letter variants, diacritics, case) and split by the 'simple'
-- configuration, which stems nothing, so every language is treated alike.
CREATE TABLE article_search (
    article_id BIGINT   PRIMARY KEY REFERENCES article (id) ON DELETE CASCADE,
    document   tsvector NOT NULL
);
CREATE INDEX article_search_document ON article_search USING GIN (document);

-- Reads per article per day (UTC), added up by each instance: no reader, cookie or address kept.
CREATE TABLE article_read (
    article_id BIGINT  NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    day        INTEGER NOT NULL,
    reads      BIGINT  NOT NULL,
    PRIMARY KEY (article_id, day)
);
CREATE INDEX article_read_by_day ON article_read (day, article_id);
