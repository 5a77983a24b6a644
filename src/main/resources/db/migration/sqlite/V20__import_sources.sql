-- Issue 22 (importers): what each story and comment of another system (a WordPress site, a Disqus
-- forum: the origin) became here, so that importing the same export again brings nothing in twice.
CREATE TABLE import_source (
    origin      TEXT    NOT NULL,
    kind        TEXT    NOT NULL CHECK (kind IN ('ARTICLE', 'COMMENT')),
    source_id   TEXT    NOT NULL,
    target_id   INTEGER NOT NULL,
    imported_at INTEGER NOT NULL,
    PRIMARY KEY (origin, kind, source_id)
);
