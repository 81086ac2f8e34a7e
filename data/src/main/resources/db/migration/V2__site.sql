-- Sites: the logistics hub, hub depots, recipient facilities and donors (donors are sites of a donor kind).

CREATE DOMAIN site_kind AS text
    CONSTRAINT site_kind_known CHECK (VALUE IN (
        'LOGISTICS_HUB', 'HUB_DEPOT',
        'COMMUNITY_CAFETERIA', 'MOTHER_CHILD_FACILITY', 'REHABILITATION_FACILITY', 'SHELTER', 'OTHER_RECIPIENT',
        'SUPERMARKET', 'FARM', 'COMPANY', 'FOOD_DRIVE_POINT', 'INDIVIDUAL'));

CREATE TABLE site (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    region_id             bigint           NOT NULL REFERENCES region,
    external_id           external_id      NOT NULL,
    name                  text             NOT NULL
        CONSTRAINT site_name_not_blank CHECK (btrim(name) <> ''),
    kind                  site_kind        NOT NULL,
    -- the role of the kind (SiteKind.role()), kept by the database so foreign keys can demand a role
    role                  text GENERATED ALWAYS AS (
        CASE
            WHEN kind = 'LOGISTICS_HUB' THEN 'HUB'
            WHEN kind = 'HUB_DEPOT' THEN 'DEPOT'
            WHEN kind IN ('SUPERMARKET', 'FARM', 'COMPANY', 'FOOD_DRIVE_POINT', 'INDIVIDUAL') THEN 'DONOR'
            ELSE 'RECIPIENT'
        END) STORED,
    stores                boolean GENERATED ALWAYS AS (kind IN ('LOGISTICS_HUB', 'HUB_DEPOT')) STORED,
    municipality          text             NOT NULL DEFAULT '',
    address               text             NOT NULL DEFAULT '',
    contact               text             NOT NULL DEFAULT '',
    lat                   double precision NOT NULL
        CONSTRAINT site_lat_range CHECK (lat BETWEEN -90 AND 90),
    lon                   double precision NOT NULL
        CONSTRAINT site_lon_range CHECK (lon BETWEEN -180 AND 180),
    service_seconds       integer          NOT NULL DEFAULT 0
        CONSTRAINT site_service_seconds_range CHECK (service_seconds BETWEEN 0 AND 14400),
    storage_ambient_grams bigint           NOT NULL DEFAULT 0
        CONSTRAINT site_storage_ambient_not_negative CHECK (storage_ambient_grams >= 0),
    storage_chilled_grams bigint           NOT NULL DEFAULT 0
        CONSTRAINT site_storage_chilled_not_negative CHECK (storage_chilled_grams >= 0),
    storage_frozen_grams  bigint           NOT NULL DEFAULT 0
        CONSTRAINT site_storage_frozen_not_negative CHECK (storage_frozen_grams >= 0),
    -- for a recipient, the hub or depot that serves it (null: the nearest depot)
    serving_depot_id      bigint,
    serving_depot_stores  boolean GENERATED ALWAYS AS (true) STORED,
    CONSTRAINT site_external_id_unique UNIQUE (region_id, external_id),
    CONSTRAINT site_region_key UNIQUE (region_id, id),
    CONSTRAINT site_role_key UNIQUE (region_id, id, role),
    CONSTRAINT site_stores_key UNIQUE (region_id, id, stores),
    CONSTRAINT site_serving_depot_is_hub_or_depot
        FOREIGN KEY (region_id, serving_depot_id, serving_depot_stores) REFERENCES site (region_id, id, stores)
);

-- One opening window per ISO weekday (1 = Monday .. 7 = Sunday); a weekday without a row is a closed day.
CREATE TABLE site_opening_hours (
    site_id bigint   NOT NULL REFERENCES site ON DELETE CASCADE,
    weekday smallint NOT NULL
        CONSTRAINT site_opening_hours_weekday_range CHECK (weekday BETWEEN 1 AND 7),
    opens   time     NOT NULL,
    closes  time     NOT NULL,
    CONSTRAINT site_opening_hours_window CHECK (opens < closes),
    PRIMARY KEY (site_id, weekday)
);

CREATE TABLE site_closed_date (
    site_id   bigint NOT NULL REFERENCES site ON DELETE CASCADE,
    closed_on date   NOT NULL,
    PRIMARY KEY (site_id, closed_on)
);

CREATE VIEW donor AS
SELECT id, region_id, external_id, name, kind, municipality, address, contact, lat, lon
FROM site
WHERE role = 'DONOR';
