-- ratelimit: the generations of the rate-limit settings. A start with settings other than the
-- latest generation's adds one; buckets stored with an older generation take the new settings at
-- their next use (Bucket4j's implicit configuration replacement, versioned by this number).
CREATE TABLE rate_limit_settings (
    version     BIGINT         PRIMARY KEY,
    settings    VARCHAR(1000)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
