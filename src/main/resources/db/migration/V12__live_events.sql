-- issue 19 live: the live module's event table (docs/live-events.md). Each committed change that
-- the realtime protocols push is one row, written in the transaction of the change; ids come from
-- live_event_counter under its row lock, held until commit, so ids become visible in increasing
-- order (a reader that has seen id N never later sees a smaller one commit). Rows older than
-- petstore.live.retention are deleted; purged_through is the highest id deleted so far.
CREATE TABLE live_event_counter (
    id              INT     NOT NULL PRIMARY KEY,
    last_id         BIGINT  NOT NULL,
    purged_through  BIGINT  NOT NULL
);
INSERT INTO live_event_counter (id, last_id, purged_through) VALUES (1, 0, 0);

CREATE TABLE live_event (
    id            BIGINT                    NOT NULL PRIMARY KEY,
    topic         VARCHAR(64)               NOT NULL,
    tenant_id     UUID                      NOT NULL,
    owner_id      UUID,
    payload_type  VARCHAR(255)              NOT NULL,
    payload       VARCHAR(1000000)          NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE  NOT NULL
);
CREATE INDEX live_event_tenant ON live_event (tenant_id, id);
CREATE INDEX live_event_created ON live_event (created_at);
