-- Spring Security's OAuth2 Authorization Server (JdbcRegisteredClientRepository,
-- JdbcOAuth2AuthorizationService, JdbcOAuth2AuthorizationConsentService). The library's schema with
-- portable types: token values as unbounded VARCHAR (not BLOB, which PostgreSQL lacks and which H2
-- cannot compare) and instants WITH TIME ZONE; indexes on the columns tokens are looked up by.
CREATE TABLE oauth2_registered_client (
    id varchar(100) NOT NULL,
    client_id varchar(100) NOT NULL,
    client_id_issued_at timestamp with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    client_secret varchar(200) DEFAULT NULL,
    client_secret_expires_at timestamp with time zone DEFAULT NULL,
    client_name varchar(200) NOT NULL,
    client_authentication_methods varchar(1000) NOT NULL,
    authorization_grant_types varchar(1000) NOT NULL,
    redirect_uris varchar(1000) DEFAULT NULL,
    post_logout_redirect_uris varchar(1000) DEFAULT NULL,
    scopes varchar(1000) NOT NULL,
    client_settings varchar(2000) NOT NULL,
    token_settings varchar(2000) NOT NULL,
    -- ours: the tenant whose administrator registered the client; NULL for configured clients
    tenant_id uuid DEFAULT NULL,
    PRIMARY KEY (id)
);
CREATE UNIQUE INDEX oauth2_registered_client_client_id ON oauth2_registered_client (client_id);

CREATE TABLE oauth2_authorization (
    id varchar(100) NOT NULL,
    registered_client_id varchar(100) NOT NULL,
    principal_name varchar(200) NOT NULL,
    authorization_grant_type varchar(100) NOT NULL,
    authorized_scopes varchar(1000) DEFAULT NULL,
    attributes varchar DEFAULT NULL,
    state varchar(500) DEFAULT NULL,
    authorization_code_value varchar DEFAULT NULL,
    authorization_code_issued_at timestamp with time zone DEFAULT NULL,
    authorization_code_expires_at timestamp with time zone DEFAULT NULL,
    authorization_code_metadata varchar DEFAULT NULL,
    access_token_value varchar DEFAULT NULL,
    access_token_issued_at timestamp with time zone DEFAULT NULL,
    access_token_expires_at timestamp with time zone DEFAULT NULL,
    access_token_metadata varchar DEFAULT NULL,
    access_token_type varchar(100) DEFAULT NULL,
    access_token_scopes varchar(1000) DEFAULT NULL,
    oidc_id_token_value varchar DEFAULT NULL,
    oidc_id_token_issued_at timestamp with time zone DEFAULT NULL,
    oidc_id_token_expires_at timestamp with time zone DEFAULT NULL,
    oidc_id_token_metadata varchar DEFAULT NULL,
    refresh_token_value varchar DEFAULT NULL,
    refresh_token_issued_at timestamp with time zone DEFAULT NULL,
    refresh_token_expires_at timestamp with time zone DEFAULT NULL,
    refresh_token_metadata varchar DEFAULT NULL,
    user_code_value varchar DEFAULT NULL,
    user_code_issued_at timestamp with time zone DEFAULT NULL,
    user_code_expires_at timestamp with time zone DEFAULT NULL,
    user_code_metadata varchar DEFAULT NULL,
    device_code_value varchar DEFAULT NULL,
    device_code_issued_at timestamp with time zone DEFAULT NULL,
    device_code_expires_at timestamp with time zone DEFAULT NULL,
    device_code_metadata varchar DEFAULT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX oauth2_authorization_state ON oauth2_authorization (state);
CREATE INDEX oauth2_authorization_code ON oauth2_authorization (authorization_code_value);
CREATE INDEX oauth2_authorization_access ON oauth2_authorization (access_token_value);
CREATE INDEX oauth2_authorization_refresh ON oauth2_authorization (refresh_token_value);
CREATE INDEX oauth2_authorization_user_code ON oauth2_authorization (user_code_value);
CREATE INDEX oauth2_authorization_device_code ON oauth2_authorization (device_code_value);

CREATE TABLE oauth2_authorization_consent (
    registered_client_id varchar(100) NOT NULL,
    principal_name varchar(200) NOT NULL,
    authorities varchar(1000) NOT NULL,
    PRIMARY KEY (registered_client_id, principal_name)
);

-- Access tokens revoked before they expire (by their jti): the resource server refuses them on every
-- instance. Rows are useless once expires_at has passed.
CREATE TABLE oauth2_revoked_token (
    jti varchar(100) NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    PRIMARY KEY (jti)
);

-- Device-code polling: when each device last polled and the interval it must keep (slow_down).
CREATE TABLE oauth2_device_poll (
    authorization_id varchar(100) NOT NULL,
    last_poll_at timestamp with time zone NOT NULL,
    interval_seconds integer NOT NULL,
    PRIMARY KEY (authorization_id)
);
