-- Inboxes Developer API (module io.petstore.inbox). Owners are classic users, by id (owner_id 0
-- is the shared demo key); there are no foreign keys into the classic module's tables.

-- api_key header values. Only the SHA-256 of a key is stored: keys are 192 random bits, so a
-- fast hash is as safe as a slow one and a lookup stays one indexed read.
CREATE TABLE inbox_api_key (
    id          UUID          PRIMARY KEY,
    tenant_id   UUID          NOT NULL,
    owner_id    BIGINT        NOT NULL,
    name        VARCHAR(100)  NOT NULL,
    prefix      VARCHAR(16)   NOT NULL,
    key_hash    CHAR(64)      NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT inbox_api_key_hash UNIQUE (key_hash)
);
CREATE INDEX inbox_api_key_owner ON inbox_api_key (tenant_id, owner_id);

-- Domains: name is the ASCII (punycode) form, lower case, without a trailing dot.
CREATE TABLE inbox_domain (
    id            UUID          PRIMARY KEY,
    tenant_id     UUID          NOT NULL,
    owner_id      BIGINT        NOT NULL,
    name          VARCHAR(253)  NOT NULL,
    txt_value     VARCHAR(128)  NOT NULL,
    status        VARCHAR(24)   NOT NULL,
    active        BOOLEAN       NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    validated_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT inbox_domain_name UNIQUE (tenant_id, name)
);
CREATE INDEX inbox_domain_owner ON inbox_domain (tenant_id, owner_id, name);

-- Inboxes: address = local part @ domain name, lower case.
CREATE TABLE inbox_inbox (
    id          UUID          PRIMARY KEY,
    tenant_id   UUID          NOT NULL,
    domain_id   UUID          NOT NULL REFERENCES inbox_domain (id) ON DELETE CASCADE,
    address     VARCHAR(320)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    -- kept by delivery and deletion (under the inbox row's lock), so a listing never counts
    message_count  BIGINT     NOT NULL DEFAULT 0,
    CONSTRAINT inbox_inbox_address UNIQUE (tenant_id, address)
);
CREATE INDEX inbox_inbox_domain ON inbox_inbox (domain_id);
-- Mail delivery finds inboxes by address across tenants.
CREATE INDEX inbox_inbox_by_address ON inbox_inbox (address);

-- Received mail: the fields a listing shows; the raw message, as it arrived, in a table of its own,
-- so listing never reads message bodies. The index serves "newest first" (ORDER BY inbox_id,
-- received_at DESC, id DESC: H2 reads a page straight from it).
CREATE TABLE inbox_message (
    id             UUID           PRIMARY KEY,
    inbox_id       UUID           NOT NULL,
    received_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    envelope_from  VARCHAR(320)   NOT NULL,
    from_header    VARCHAR(1000),
    subject        VARCHAR(1000),
    size_bytes     BIGINT         NOT NULL
);
CREATE INDEX inbox_message_inbox ON inbox_message (inbox_id, received_at DESC, id DESC);
-- No foreign key to inbox_inbox: H2 would give it an index on inbox_id alone, which its planner
-- then prefers, sorting the whole inbox for every page. Deleting an inbox or domain deletes its
-- messages first, holding the inbox row's lock that delivery also takes (MessageRepository).

CREATE TABLE inbox_message_raw (
    message_id  UUID   PRIMARY KEY REFERENCES inbox_message (id) ON DELETE CASCADE,
    raw         BYTEA  NOT NULL
);
