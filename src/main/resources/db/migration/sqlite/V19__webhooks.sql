-- Webhooks (issue 22): endpoints an admin registers, and the outbox of deliveries the sender works
-- through. The secret is kept as issued: signing needs it, so it cannot be stored as a hash.
CREATE TABLE webhook_endpoint (
    id          INTEGER PRIMARY KEY,
    url         TEXT    NOT NULL,
    description TEXT    NOT NULL DEFAULT '',
    events      TEXT    NOT NULL,
    secret      TEXT    NOT NULL,
    enabled     INTEGER NOT NULL DEFAULT 1,
    created_at  BIGINT  NOT NULL,
    created_by  TEXT    NOT NULL
);

-- One row per endpoint and event. The body is written when it is sent, from the comment as it is
-- then, so an erasure reaches deliveries still waiting; facts holds what the event itself said.
CREATE TABLE webhook_delivery (
    id              INTEGER PRIMARY KEY,
    endpoint_id     BIGINT  NOT NULL REFERENCES webhook_endpoint (id),
    message_id      TEXT    NOT NULL UNIQUE,
    event_type      TEXT    NOT NULL,
    comment_id      BIGINT  NOT NULL REFERENCES comment (id),
    facts           TEXT    NOT NULL,
    occurred_at     BIGINT  NOT NULL,
    status          TEXT    NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT  NOT NULL,
    give_up_at      BIGINT  NOT NULL,
    last_status     INTEGER,
    last_error      TEXT,
    delivered_at    BIGINT
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (status, next_attempt_at);
CREATE INDEX webhook_delivery_by_endpoint ON webhook_delivery (endpoint_id, id);
