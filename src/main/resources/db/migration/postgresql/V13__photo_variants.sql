-- Photos at the widths readers' screens need (issue 20). A photo's size as it is seen, in pixels,
-- is recorded at upload; rows stored before this release keep NULL until PhotoSizes measures them
-- at the next start (SQL cannot read an image header).
ALTER TABLE photo ADD COLUMN width INTEGER;
ALTER TABLE photo ADD COLUMN height INTEGER;

-- Smaller WebP copies of each original, made once on first request and kept: the width they are
-- asked for by (480, 960 or 1600; a copy is never wider than its original). An instance that made
-- a copy another already stored keeps the stored one (INSERT ... ON CONFLICT DO NOTHING).
CREATE TABLE photo_variant (
    name  TEXT    NOT NULL REFERENCES photo_file (name) ON DELETE CASCADE,
    width INTEGER NOT NULL,
    bytes BYTEA   NOT NULL,
    PRIMARY KEY (name, width)
);
