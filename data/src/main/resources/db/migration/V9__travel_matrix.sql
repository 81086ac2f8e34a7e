-- An explicit travel matrix of a region (optional; without one the planner uses great-circle distance x
-- road factor). Places are site ids and "home:<driver id>", in the matrix's row order.

CREATE TABLE travel_place (
    region_id bigint      NOT NULL REFERENCES region,
    position  integer     NOT NULL
        CONSTRAINT travel_place_position_not_negative CHECK (position >= 0),
    place_id  external_id NOT NULL,
    PRIMARY KEY (region_id, position),
    CONSTRAINT travel_place_unique UNIQUE (region_id, place_id)
);

CREATE TABLE travel_leg (
    region_id     bigint           NOT NULL,
    from_position integer          NOT NULL,
    to_position   integer          NOT NULL,
    km            double precision NOT NULL
        CONSTRAINT travel_leg_km_not_negative CHECK (km >= 0),
    minutes       double precision NOT NULL
        CONSTRAINT travel_leg_minutes_not_negative CHECK (minutes >= 0),
    PRIMARY KEY (region_id, from_position, to_position),
    CONSTRAINT travel_leg_from_fk FOREIGN KEY (region_id, from_position) REFERENCES travel_place ON DELETE CASCADE,
    CONSTRAINT travel_leg_to_fk FOREIGN KEY (region_id, to_position) REFERENCES travel_place ON DELETE CASCADE
);
