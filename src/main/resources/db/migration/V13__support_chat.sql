-- supportchat: customer-support conversations between a user and agents (users with the STAFF or
-- ADMIN role), and their messages. Usernames are copied from the callers' tokens when they act
-- (the module never reads account_user).

CREATE TABLE supportchat_conversation (
    tenant_id          UUID          NOT NULL,
    id                 UUID          NOT NULL,
    customer_id        UUID          NOT NULL,
    customer_username  VARCHAR(50)   NOT NULL,
    agent_id           UUID,
    agent_username     VARCHAR(50),
    subject            VARCHAR(200),
    status             VARCHAR(16)   NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX supportchat_conversation_customer ON supportchat_conversation (tenant_id, customer_id, id);

-- One stored message. sender_id is null for the pet-care advisor. client_message_id is the
-- sender's own id for a message: a retry with the same one answers the stored message again.
CREATE TABLE supportchat_message (
    tenant_id          UUID          NOT NULL,
    id                 UUID          NOT NULL,
    conversation_id    UUID          NOT NULL,
    sender_id          UUID,
    sender_username    VARCHAR(50)   NOT NULL,
    sender_role        VARCHAR(16)   NOT NULL,
    content            VARCHAR(16000) NOT NULL,
    client_message_id  VARCHAR(100),
    sent_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX supportchat_message_conversation ON supportchat_message (tenant_id, conversation_id, id);
CREATE UNIQUE INDEX supportchat_message_client_id ON supportchat_message (tenant_id, conversation_id, sender_id, client_message_id);

-- Delivery acknowledgements: who has received which message, and when (the first time).
CREATE TABLE supportchat_delivery (
    tenant_id          UUID          NOT NULL,
    message_id         UUID          NOT NULL,
    user_id            UUID          NOT NULL,
    delivered_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, message_id, user_id)
);
