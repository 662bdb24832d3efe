-- Admin API and audit log.

-- account: a user's tokens carry the epoch they were issued in; suspending the user moves it on,
-- so every token issued before stops working at once. The administrator configured by
-- petstore.admin.* is marked, so a restart with another password updates it everywhere.
ALTER TABLE account_user ADD COLUMN token_epoch INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE account_user ADD COLUMN bootstrap BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX account_user_created ON account_user (tenant_id, created_at);
CREATE INDEX account_user_status ON account_user (tenant_id, status, role);

-- store: the admin order list and the dashboard read these
CREATE INDEX store_order_created ON store_order (tenant_id, created_at);
CREATE INDEX store_order_status ON store_order (tenant_id, status, created_at);

-- payment: revenue over a date range
CREATE INDEX payment_created ON payment (tenant_id, created_at, status, currency, amount);

-- audit: one row per changed entity, written in the transaction of the change; never updated or
-- deleted by the application (a tenant reset keeps it). Ids are UUIDv7, so id order is time order.
CREATE TABLE audit_log (
    tenant_id    UUID           NOT NULL,
    id           UUID           NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    action       VARCHAR(64)    NOT NULL,
    entity_type  VARCHAR(64)    NOT NULL,
    entity_id    VARCHAR(255)   NOT NULL,
    actor        VARCHAR(255)   NOT NULL,
    user_id      UUID,
    changes      VARCHAR(1000000) NOT NULL,
    protocol     VARCHAR(16)    NOT NULL,
    request      VARCHAR(600),
    ip_address   VARCHAR(64),
    user_agent   VARCHAR(512),
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX audit_log_entity ON audit_log (tenant_id, entity_type, entity_id, id);
CREATE INDEX audit_log_action ON audit_log (tenant_id, action, id);
CREATE INDEX audit_log_user ON audit_log (tenant_id, user_id, id);
