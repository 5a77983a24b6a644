-- Issue 21 (reports): readers' reports on published comments, and commenters' suspensions.
--
-- One row per client and comment: a second report from the same client is the same report. The
-- client is a keyed hash of its address, never the address. Only the first few reports of a
-- comment keep their note, so a flood costs a few dozen bytes a report.
CREATE TABLE comment_report (
    id          INTEGER PRIMARY KEY,
    comment_id  INTEGER NOT NULL REFERENCES comment (id),
    client_key  TEXT    NOT NULL,
    code        TEXT    NOT NULL,
    note        TEXT,
    reported_at INTEGER NOT NULL,
    UNIQUE (comment_id, client_key)
);
CREATE INDEX comment_report_by_client ON comment_report (client_key, reported_at);

-- What the Reported queue reads: per comment, the reports since the last time a moderator kept it.
CREATE TABLE reported_comment (
    comment_id     INTEGER PRIMARY KEY REFERENCES comment (id),
    open_reports   INTEGER NOT NULL DEFAULT 0,
    open_since     INTEGER,
    open_notes     INTEGER NOT NULL DEFAULT 0,
    dismissed_upto INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX reported_comment_open ON reported_comment (open_reports DESC, comment_id);

-- A moderator kept a reported comment: the reports up to report id dismissed_upto are closed.
CREATE TABLE report_dismissal (
    id             INTEGER PRIMARY KEY,
    comment_id     INTEGER NOT NULL REFERENCES comment (id),
    dismissed_upto INTEGER NOT NULL,
    reports        INTEGER NOT NULL,
    actor          TEXT    NOT NULL,
    dismissed_at   INTEGER NOT NULL
);

-- A commenter suspended by address: the keyed hash of the normalised address, never the address.
-- ends_at null: no end date. A lifted suspension keeps its row, with who lifted it and when.
CREATE TABLE commenter_suspension (
    id         INTEGER PRIMARY KEY,
    email_hash TEXT    NOT NULL,
    starts_at  INTEGER NOT NULL,
    ends_at    INTEGER,
    reason     TEXT    NOT NULL,
    actor      TEXT    NOT NULL,
    lifted_at  INTEGER,
    lifted_by  TEXT
);
CREATE INDEX commenter_suspension_by_email ON commenter_suspension (email_hash, id);
