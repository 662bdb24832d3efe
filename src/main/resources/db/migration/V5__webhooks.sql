-- Webhooks and order callbacks.

-- A user's subscription: where to send which events, and the secret they are signed with (kept
-- readable: signing needs it). Events are a comma-separated list of event types.
CREATE TABLE webhook_subscription (
    tenant_id    UUID           NOT NULL,
    id           UUID           NOT NULL,
    user_id      UUID           NOT NULL,
    url          VARCHAR(2048)  NOT NULL,
    events       VARCHAR(500)   NOT NULL,
    description  VARCHAR(500),
    secret       VARCHAR(100)   NOT NULL,
    active       BOOLEAN        NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX webhook_subscription_user ON webhook_subscription (tenant_id, user_id, id);

-- The outbox: one row per event and target, written in the transaction of the change that caused
-- it. A worker claims due rows (FOR UPDATE SKIP LOCKED), leases them (lease, next_attempt_at
-- moved past the attempt's deadline), sends, and records the attempt. subscription_id is null for
-- an order callback. event_id is the webhook-id receivers deduplicate on: the same for every
-- attempt and redelivery.
CREATE TABLE webhook_delivery (
    id               UUID           NOT NULL PRIMARY KEY,
    tenant_id        UUID           NOT NULL,
    user_id          UUID           NOT NULL,
    subscription_id  UUID,
    event_id         UUID           NOT NULL,
    event_type       VARCHAR(64)    NOT NULL,
    url              VARCHAR(2048)  NOT NULL,
    payload          VARCHAR(1000000) NOT NULL,
    status           VARCHAR(16)    NOT NULL,
    attempts         INTEGER        NOT NULL,
    round_attempts   INTEGER        NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE,
    lease            UUID,
    last_status_code INTEGER,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (status, next_attempt_at);
CREATE INDEX webhook_delivery_user ON webhook_delivery (tenant_id, user_id, id);
CREATE INDEX webhook_delivery_subscription ON webhook_delivery (subscription_id);

-- Every attempt: the answer's status code (null when there was none), how long it took, the error,
-- and at most the first kilobyte of the answer's body.
CREATE TABLE webhook_attempt (
    delivery_id    UUID          NOT NULL,
    number         INTEGER       NOT NULL,
    attempted_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    status_code    INTEGER,
    latency_ms     INTEGER       NOT NULL,
    error          VARCHAR(500),
    response_body  VARCHAR(1024),
    PRIMARY KEY (delivery_id, number)
);
