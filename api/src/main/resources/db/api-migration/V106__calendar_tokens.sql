-- A driver's private calendar feed (GET /api/calendar/{token}.ics, no sign-in): one token per driver and network,
-- only its SHA-256 stored. Renewing replaces the row, so the old URL ends at once.
CREATE TABLE calendar_token (
    network       text NOT NULL CONSTRAINT calendar_token_network_format CHECK (network ~ '^[a-z0-9][a-z0-9_-]{0,62}$'),
    driver_id     text NOT NULL CONSTRAINT calendar_token_driver_format CHECK (driver_id ~ '^[A-Za-z0-9._:-]{1,64}$'),
    secret_sha256 bytea NOT NULL CONSTRAINT calendar_token_secret_sha256 CHECK (length(secret_sha256) = 32),
    created_by    text NOT NULL REFERENCES api_user (username) ON DELETE CASCADE,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (network, driver_id),
    CONSTRAINT calendar_token_secret_unique UNIQUE (secret_sha256)
);
