-- Secrets at rest (docs/security.md): signing keys' private halves and webhook secrets are stored
-- sealed (AES-GCM under a key-encryption key kept outside the database); rows written before are
-- sealed at the next start. A sealed webhook secret is longer than the plain one.
ALTER TABLE webhook_subscription ALTER COLUMN secret SET DATA TYPE VARCHAR(400);

-- Signing-key rotation: the newest key without retired_at signs; a retired key verifies until every
-- token it signed has expired, then it is deleted.
ALTER TABLE auth_signing_key ADD COLUMN retired_at TIMESTAMP WITH TIME ZONE;
