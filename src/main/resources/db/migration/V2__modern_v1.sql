-- Modern Pet Store /v1. Each module owns its tables (prefix = module); there are no foreign keys
-- between modules, only ids. Ids are UUIDv7, money is DECIMAL with a currency code.

-- catalog: pets and their images
CREATE TABLE catalog_pet (
    tenant_id        UUID           NOT NULL,
    id               UUID           NOT NULL,
    name             VARCHAR(50)    NOT NULL,
    species          VARCHAR(16)    NOT NULL,
    breed            VARCHAR(100),
    age_months       INTEGER        NOT NULL,
    size             VARCHAR(8),
    color            VARCHAR(50),
    gender           VARCHAR(8),
    good_with_kids   BOOLEAN,
    price            DECIMAL(12, 2) NOT NULL,
    currency         CHAR(3)        NOT NULL,
    description      VARCHAR(2000),
    status           VARCHAR(16)    NOT NULL,
    has_medical      BOOLEAN        NOT NULL,
    vaccinated       BOOLEAN,
    spayed_neutered  BOOLEAN,
    microchipped     BOOLEAN,
    special_needs    BOOLEAN,
    health_notes     VARCHAR(1000),
    photos_json      VARCHAR(65536) NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX catalog_pet_status ON catalog_pet (tenant_id, status, id);
CREATE INDEX catalog_pet_species ON catalog_pet (tenant_id, species, status);

CREATE TABLE catalog_pet_image (
    id            UUID          PRIMARY KEY,
    tenant_id     UUID          NOT NULL,
    pet_id        UUID          NOT NULL,
    content_type  VARCHAR(64)   NOT NULL,
    size_bytes    BIGINT        NOT NULL,
    width         INTEGER       NOT NULL,
    height        INTEGER       NOT NULL,
    content       BYTEA         NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX catalog_pet_image_pet ON catalog_pet_image (tenant_id, pet_id);

-- account: users (username and email unique per tenant, compared case-insensitively)
CREATE TABLE account_user (
    tenant_id      UUID          NOT NULL,
    id             UUID          NOT NULL,
    username       VARCHAR(50)   NOT NULL,
    username_key   VARCHAR(50)   NOT NULL,
    email          VARCHAR(254)  NOT NULL,
    email_key      VARCHAR(254)  NOT NULL,
    first_name     VARCHAR(100)  NOT NULL,
    last_name      VARCHAR(100)  NOT NULL,
    phone          VARCHAR(16),
    newsletter     BOOLEAN,
    notifications  BOOLEAN,
    password_hash  VARCHAR(255)  NOT NULL,
    role           VARCHAR(16)   NOT NULL,
    status         VARCHAR(16)   NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_login_at  TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT account_user_username UNIQUE (tenant_id, username_key),
    CONSTRAINT account_user_email UNIQUE (tenant_id, email_key)
);

-- auth: token signing keys, generated once and shared by every instance
CREATE TABLE auth_signing_key (
    kid          VARCHAR(64)    PRIMARY KEY,
    algorithm    VARCHAR(16)    NOT NULL,
    private_key  VARCHAR(8192)  NOT NULL,
    public_key   VARCHAR(4096)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- store: orders
CREATE TABLE store_order (
    tenant_id     UUID           NOT NULL,
    id            UUID           NOT NULL,
    pet_id        UUID           NOT NULL,
    user_id       UUID           NOT NULL,
    status        VARCHAR(16)    NOT NULL,
    total_amount  DECIMAL(12, 2) NOT NULL,
    currency      CHAR(3)        NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX store_order_user ON store_order (tenant_id, user_id, created_at);
CREATE INDEX store_order_pet ON store_order (tenant_id, pet_id);

-- payment: payments (never the full card or account number, never the CVC) and idempotency keys
CREATE TABLE payment (
    tenant_id       UUID           NOT NULL,
    id              UUID           NOT NULL,
    order_id        UUID           NOT NULL,
    user_id         UUID           NOT NULL,
    amount          DECIMAL(12, 2) NOT NULL,
    currency        CHAR(3)        NOT NULL,
    status          VARCHAR(16)    NOT NULL,
    source_json     VARCHAR(2048)  NOT NULL,
    failure_reason  VARCHAR(255),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX payment_order ON payment (tenant_id, order_id);

CREATE TABLE payment_idempotency (
    tenant_id     UUID          NOT NULL,
    user_id       UUID          NOT NULL,
    idem_key      VARCHAR(255)  NOT NULL,
    request_hash  VARCHAR(64)   NOT NULL,
    order_id      UUID          NOT NULL,
    payment_id    UUID,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, user_id, idem_key)
);

-- ratelimit: token buckets shared by every instance (used on PostgreSQL; H2 runs one instance)
CREATE TABLE rate_limit_bucket (
    id          VARCHAR(255)  PRIMARY KEY,
    state       BYTEA,
    expires_at  BIGINT
);
