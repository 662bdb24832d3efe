-- Lenient bearer tokens (petstore.auth.lenient-tokens, issue 16): a made-up bearer value stands for
-- a user of its own per tenant. The user row keeps the SHA-256 of the value (hex), never the value;
-- the unique index makes concurrent first uses create one user (NULLs, every other user, are distinct).
ALTER TABLE account_user ADD COLUMN lenient_token_hash VARCHAR(64);
CREATE UNIQUE INDEX account_user_lenient_token ON account_user (tenant_id, lenient_token_hash);
