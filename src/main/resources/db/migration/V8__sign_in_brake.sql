-- Sign-in brake (docs/security.md): per key (an account or OAuth client id in its tenant, or a
-- client address under the nil tenant) the failed secret checks of the current window, the locks
-- in a row and the end of the latest one. Every instance reads and writes the same rows (SELECT ...
-- FOR UPDATE, then UPDATE or INSERT). A row whose forget_at has passed holds nothing any more and
-- is deleted in the background.
CREATE TABLE signin_brake (
    tenant_id     UUID          NOT NULL,
    kind          VARCHAR(16)   NOT NULL,
    subject       VARCHAR(255)  NOT NULL,
    failures      INTEGER       NOT NULL,
    window_start  TIMESTAMP WITH TIME ZONE NOT NULL,
    locks         INTEGER       NOT NULL,
    locked_until  TIMESTAMP WITH TIME ZONE,
    forget_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, kind, subject)
);
CREATE INDEX signin_brake_forget ON signin_brake (forget_at);
