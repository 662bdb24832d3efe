-- Classic /v2 answers as the reference server (issue 16): statuses outside the enum are stored as
-- sent, so the status columns take any reasonable string; the user's password is kept readable
-- (GET /v2/user/{username} returns it in reference mode) only sealed with SecretSeal, next to the
-- hash that login checks.
ALTER TABLE classic_pet ALTER COLUMN status SET DATA TYPE VARCHAR(255);
ALTER TABLE classic_order ALTER COLUMN status SET DATA TYPE VARCHAR(255);
ALTER TABLE classic_user ADD COLUMN password_sealed VARCHAR(8192);
