-- Tables of the api module only. Versioned from 100 and tracked in their own history table
-- (flyway_api_history) so they never clash with the data module's migrations.

-- Who may sign in, with which role; a driver account is linked to one volunteer (driver id of the network).
CREATE TABLE api_user (
    username      text PRIMARY KEY CONSTRAINT api_user_username_format CHECK (username ~ '^[A-Za-z0-9._@-]{3,64}$'),
    password_hash text NOT NULL,
    role          text NOT NULL CONSTRAINT api_user_role_known CHECK (role IN ('COORDINATOR', 'DRIVER', 'ORGANIZER')),
    driver_id     text,
    enabled       boolean NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT api_user_driver_only_for_drivers CHECK ((role = 'DRIVER') = (driver_id IS NOT NULL))
);

-- Which organizer logged which donation lot (the ledger row itself lives in stock_movement).
CREATE TABLE api_donation (
    region       text NOT NULL,
    lot_id       text NOT NULL,
    username     text NOT NULL REFERENCES api_user (username),
    operation_id text NOT NULL UNIQUE,
    logged_at    timestamptz NOT NULL DEFAULT now(),
    -- the lot's facts as logged (the data module reads lots only as part of a month's network)
    site_id        text NOT NULL,
    donor_id       text NOT NULL,
    category       text NOT NULL,
    temperature    text NOT NULL,
    expiry_date    date NOT NULL,
    expiry_kind    text NOT NULL,
    available_from date NOT NULL,
    earmarked_for  text,
    PRIMARY KEY (region, lot_id)
);
CREATE INDEX api_donation_by_user ON api_donation (username, logged_at);

-- How a plan is to be solved: time limit, and for a re-plan the published plan it keeps fixed up to a day.
CREATE TABLE api_plan_origin (
    plan_id       bigint PRIMARY KEY REFERENCES plan (id),
    time_limit_ms bigint NOT NULL CONSTRAINT api_plan_origin_time_limit CHECK (time_limit_ms BETWEEN 1000 AND 3600000),
    replan_of     bigint REFERENCES plan (id),
    fixed_through date,
    CONSTRAINT api_plan_origin_replan_complete CHECK ((replan_of IS NULL) = (fixed_through IS NULL))
);
