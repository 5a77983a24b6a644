-- Screening word lists an admin has edited, one row per language and kind. A list with no row
-- here is the one shipped in the jar.
CREATE TABLE word_list (
    language   TEXT   NOT NULL,
    kind       TEXT   NOT NULL CHECK (kind IN ('BANNED', 'SUSPECT')),
    body       TEXT   NOT NULL,
    updated_by TEXT   NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (language, kind)
);
