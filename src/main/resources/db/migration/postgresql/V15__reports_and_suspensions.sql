-- Issue 21 (reports): readers' reports on published comments, and commenters' suspensions.
--
-- One row per client and comment: a second report from the same client is the same report. The
-- client is a keyed hash of its address, never the address. Only the first few reports of a
-- comment keep their note, so a flood costs a few dozen bytes a report.
CREATE TABLE comment_report (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    comment_id  BIGINT NOT NULL REFERENCES comment (id),
    client_key  TEXT   NOT NULL,
    code        TEXT   NOT NULL,
    note        TEXT,
    reported_at BIGINT NOT NULL,
    UNIQUE (comment_id, client_key)
);
CREATE INDEX comment_report_by_client ON comment_report (client_key, reported_at);

-- What the Reported queue reads: per comment, the reports since the last time a moderator kept it.
CREATE TABLE reported_comment (
    comment_id     BIGINT PRIMARY KEY REFERENCES comment (id),
    open_reports   INTEGER NOT NULL DEFAULT 0,
    open_since     BIGINT,
    open_notes     INTEGER NOT NULL DEFAULT 0,
    dismissed_upto BIGINT  NOT NULL DEFAULT 0
);
CREATE INDEX reported_comment_open ON reported_comment (open_reports DESC, comment_id);

-- A moderator kept a reported comment: the reports up to report id dismissed_upto are closed.
CREATE TABLE report_dismissal (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    comment_id     BIGINT  NOT NULL REFERENCES comment (id),
    dismissed_upto BIGINT  NOT NULL,
    reports        INTEGER NOT NULL,
    actor          TEXT    NOT NULL,
    dismissed_at   BIGINT  NOT NULL
);

-- A commenter suspended by address: the keyed hash of the normalised address, never the address.
-- ends_at null: no end date. A lifted suspension keeps its row, with who lifted it and when.
CREATE TABLE commenter_suspension (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email_hash TEXT   NOT NULL,
    starts_at  BIGINT NOT NULL,
    ends_at    BIGINT,
    reason     TEXT   NOT NULL,
    actor      TEXT   NOT NULL,
    lifted_at  BIGINT,
    lifted_by  TEXT
);
CREATE INDEX commenter_suspension_by_email ON commenter_suspension (email_hash, id);
