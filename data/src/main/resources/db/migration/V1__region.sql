-- A region is one food network (e.g. "kirin"); several can live in one database.
-- Everything below hangs off a region; natural keys are (region, external id), where the external ids
-- are the ids the planning core uses ("hub", "caf-001", "lot-0001").

CREATE DOMAIN temperature_class AS text
    CONSTRAINT temperature_class_known CHECK (VALUE IN ('AMBIENT', 'CHILLED', 'FROZEN'));

CREATE DOMAIN external_id AS text
    CONSTRAINT external_id_not_blank CHECK (btrim(VALUE) <> '' AND length(VALUE) <= 200);

-- A time zone PostgreSQL knows (a CHECK may only call immutable functions; the zone database does not
-- change under a running server, which is all this check needs).
CREATE FUNCTION is_known_time_zone(zone text) RETURNS boolean
    LANGUAGE plpgsql IMMUTABLE STRICT AS
$$
BEGIN
    PERFORM timestamp '2000-01-01 00:00' AT TIME ZONE zone;
    RETURN true;
EXCEPTION
    WHEN invalid_parameter_value THEN RETURN false;
END
$$;

CREATE TABLE region (
    id                       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code                     text             NOT NULL
        CONSTRAINT region_code_format CHECK (code ~ '^[a-z0-9][a-z0-9_-]{0,62}$'),
    network_name             text             NOT NULL
        CONSTRAINT region_network_name_not_blank CHECK (btrim(network_name) <> ''),
    time_zone                text             NOT NULL DEFAULT 'Asia/Tokyo'
        CONSTRAINT region_time_zone_known CHECK (is_known_time_zone(time_zone)),
    road_factor              double precision NOT NULL DEFAULT 1.4
        CONSTRAINT region_road_factor_range CHECK (road_factor BETWEEN 1 AND 3),
    average_speed_kmh        double precision NOT NULL DEFAULT 35
        CONSTRAINT region_average_speed_range CHECK (average_speed_kmh BETWEEN 5 AND 120),
    allow_donor_to_depot     boolean          NOT NULL DEFAULT false,
    allow_hub_to_recipient   boolean          NOT NULL DEFAULT false,
    allow_donor_to_recipient boolean          NOT NULL DEFAULT false,
    best_before_grace_days   integer          NOT NULL DEFAULT 0
        CONSTRAINT region_grace_days_range CHECK (best_before_grace_days BETWEEN 0 AND 365),
    created_at               timestamptz      NOT NULL DEFAULT now(),
    CONSTRAINT region_code_unique UNIQUE (code)
);
