-- Networks side by side (issue 14). A network is a region (region.code). An account has one role per network it
-- belongs to (a coordinator of one network may be a driver in another), a federation administrator creates
-- networks; API tokens and idempotency keys belong to one network. Everything that existed before this migration
-- belonged to the one network the service served: the configured foodnet.region (Flyway placeholder ${network}).

ALTER TABLE api_user ADD COLUMN federation_admin boolean NOT NULL DEFAULT false;

CREATE TABLE account_role (
    username   text NOT NULL REFERENCES api_user (username) ON DELETE CASCADE,
    network    text NOT NULL CONSTRAINT account_role_network_format CHECK (network ~ '^[a-z0-9][a-z0-9_-]{0,62}$'),
    role       text NOT NULL CONSTRAINT account_role_role_known CHECK (role IN ('COORDINATOR', 'DRIVER', 'ORGANIZER')),
    driver_id  text,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (username, network),
    CONSTRAINT account_role_driver_only_for_drivers CHECK ((role = 'DRIVER') = (driver_id IS NOT NULL))
);
CREATE INDEX account_role_by_network ON account_role (network, role);

INSERT INTO account_role (username, network, role, driver_id, created_at)
SELECT username, '${network}', role, driver_id, created_at FROM api_user;

ALTER TABLE api_user
    DROP CONSTRAINT api_user_driver_only_for_drivers,
    DROP COLUMN role,
    DROP COLUMN driver_id;

-- a token signs in to the network it was made in, and only there
ALTER TABLE api_token ADD COLUMN network text;
UPDATE api_token SET network = '${network}';
ALTER TABLE api_token ALTER COLUMN network SET NOT NULL;

-- an Idempotency-Key is remembered per user and network
ALTER TABLE api_idempotency ADD COLUMN network text;
UPDATE api_idempotency SET network = '${network}';
ALTER TABLE api_idempotency
    ALTER COLUMN network SET NOT NULL,
    DROP CONSTRAINT api_idempotency_pkey,
    ADD PRIMARY KEY (username, network, scope, idem_key);
