-- Idempotency keys remembered with a fingerprint of their whole request, and personal API tokens.

-- One row per (user, kind of request, Idempotency-Key): the SHA-256 of the request's canonical form and the lot
-- the request made (or corrected). The same key with the same request replays the first result; with any other
-- request it is refused (422). Writers take pg_advisory_xact_lock on the key first, so two requests with the same
-- key at once are applied one after the other (also across several service nodes sharing the database).
CREATE TABLE api_idempotency (
    username    text NOT NULL REFERENCES api_user (username),
    scope       text NOT NULL CONSTRAINT api_idempotency_scope_known CHECK (scope IN ('donation', 'correction')),
    idem_key    text NOT NULL,
    fingerprint text NOT NULL CONSTRAINT api_idempotency_fingerprint_sha256 CHECK (fingerprint ~ '^[0-9a-f]{64}$'),
    lot_id      text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (username, scope, idem_key)
);

-- Personal API tokens: only the SHA-256 of the secret is kept (the secret is 256 random bits, shown once).
CREATE TABLE api_token (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username      text NOT NULL REFERENCES api_user (username) ON DELETE CASCADE,
    name          text NOT NULL CONSTRAINT api_token_name_format CHECK (btrim(name) <> '' AND length(name) <= 100),
    secret_sha256 bytea NOT NULL CONSTRAINT api_token_secret_sha256 CHECK (length(secret_sha256) = 32),
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_used_at  timestamptz,
    CONSTRAINT api_token_secret_unique UNIQUE (secret_sha256)
);
CREATE INDEX api_token_by_user ON api_token (username, id);
