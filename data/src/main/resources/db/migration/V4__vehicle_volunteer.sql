-- Vehicles, volunteer drivers and when they are free.

CREATE TABLE vehicle (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    region_id      bigint      NOT NULL REFERENCES region,
    external_id    external_id NOT NULL,
    name           text        NOT NULL
        CONSTRAINT vehicle_name_not_blank CHECK (btrim(name) <> ''),
    -- load space, cooler box and freezer box (0: cannot carry that class)
    ambient_grams  bigint      NOT NULL DEFAULT 0
        CONSTRAINT vehicle_ambient_not_negative CHECK (ambient_grams >= 0),
    chilled_grams  bigint      NOT NULL DEFAULT 0
        CONSTRAINT vehicle_chilled_not_negative CHECK (chilled_grams >= 0),
    frozen_grams   bigint      NOT NULL DEFAULT 0
        CONSTRAINT vehicle_frozen_not_negative CHECK (frozen_grams >= 0),
    CONSTRAINT vehicle_external_id_unique UNIQUE (region_id, external_id),
    CONSTRAINT vehicle_region_key UNIQUE (region_id, id)
);

CREATE TABLE volunteer (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    region_id           bigint           NOT NULL REFERENCES region,
    external_id         external_id      NOT NULL,
    name                text             NOT NULL
        CONSTRAINT volunteer_name_not_blank CHECK (btrim(name) <> ''),
    contact             text             NOT NULL DEFAULT '',
    -- home base: trips start and end here
    home_lat            double precision NOT NULL
        CONSTRAINT volunteer_home_lat_range CHECK (home_lat BETWEEN -90 AND 90),
    home_lon            double precision NOT NULL
        CONSTRAINT volunteer_home_lon_range CHECK (home_lon BETWEEN -180 AND 180),
    max_minutes_per_day integer          NOT NULL
        CONSTRAINT volunteer_max_minutes_range CHECK (max_minutes_per_day > 0 AND max_minutes_per_day <= 1440),
    vehicle_id          bigint           NOT NULL,
    CONSTRAINT volunteer_vehicle_fk FOREIGN KEY (region_id, vehicle_id) REFERENCES vehicle (region_id, id),
    CONSTRAINT volunteer_external_id_unique UNIQUE (region_id, external_id),
    CONSTRAINT volunteer_region_key UNIQUE (region_id, id)
);

CREATE TABLE availability_slot (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    volunteer_id bigint NOT NULL REFERENCES volunteer ON DELETE CASCADE,
    slot_date    date   NOT NULL,
    starts       time   NOT NULL,
    ends         time   NOT NULL,
    CONSTRAINT availability_slot_window CHECK (starts < ends),
    CONSTRAINT availability_slot_unique_start UNIQUE (volunteer_id, slot_date, starts)
);
