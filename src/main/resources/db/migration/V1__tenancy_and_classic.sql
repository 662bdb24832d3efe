-- Tenancy: every row of every module carries tenant_id. The shared pool is the nil UUID.
CREATE TABLE tenant (
    id          UUID PRIMARY KEY,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Classic Swagger Petstore v2 (module io.petstore.classic). Category, tags and photo URLs are
-- kept exactly as the client sent them (JSON text), so a client reads back what it wrote.
CREATE TABLE classic_pet (
    tenant_id      UUID          NOT NULL,
    id             BIGINT        NOT NULL,
    name           VARCHAR(4096),
    status         VARCHAR(16),
    category_json  VARCHAR(8192),
    photo_urls_json VARCHAR(1048576) NOT NULL,
    tags_json      VARCHAR(1048576) NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX classic_pet_status ON classic_pet (tenant_id, status, id);

-- Fresh ids for items sent without one (the seed data uses 1..10 and 1..11). Clients may also
-- choose ids themselves; a fresh id that a client took first moves the sequence past that run.
CREATE SEQUENCE classic_pet_id_seq START WITH 11;
CREATE SEQUENCE classic_order_id_seq START WITH 11;
CREATE SEQUENCE classic_user_id_seq START WITH 12;

-- Tag names of each pet, for findByTags.
CREATE TABLE classic_pet_tag (
    tenant_id  UUID          NOT NULL,
    pet_id     BIGINT        NOT NULL,
    name       VARCHAR(4096) NOT NULL,
    PRIMARY KEY (tenant_id, pet_id, name),
    FOREIGN KEY (tenant_id, pet_id) REFERENCES classic_pet (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX classic_pet_tag_name ON classic_pet_tag (tenant_id, name);

-- Uploaded pet images. Served by their unguessable id, so <img src> works without headers.
CREATE TABLE classic_pet_image (
    id            UUID          PRIMARY KEY,
    tenant_id     UUID          NOT NULL,
    pet_id        BIGINT        NOT NULL,
    file_name     VARCHAR(255)  NOT NULL,
    content_type  VARCHAR(255)  NOT NULL,
    size_bytes    BIGINT        NOT NULL,
    content       BYTEA         NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX classic_pet_image_pet ON classic_pet_image (tenant_id, pet_id);

CREATE TABLE classic_order (
    tenant_id  UUID        NOT NULL,
    id         BIGINT      NOT NULL,
    pet_id     BIGINT      NOT NULL,
    quantity   INTEGER     NOT NULL,
    ship_date  TIMESTAMP WITH TIME ZONE,
    status     VARCHAR(16),
    complete   BOOLEAN     NOT NULL,
    PRIMARY KEY (tenant_id, id)
);

CREATE TABLE classic_user (
    tenant_id      UUID          NOT NULL,
    id             BIGINT        NOT NULL,
    username       VARCHAR(255)  NOT NULL,
    first_name     VARCHAR(4096),
    last_name      VARCHAR(4096),
    email          VARCHAR(4096),
    password_hash  VARCHAR(255),
    phone          VARCHAR(4096),
    user_status    INTEGER       NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT classic_user_username UNIQUE (tenant_id, username)
);
