-- Month plans: draft -> solving -> solved -> published -> archived, with their trips, stops and loads.
-- Planned times are instants (timestamptz); the repositories convert them to the region's local time.

CREATE TABLE plan (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    region_id    bigint      NOT NULL REFERENCES region,
    month        date        NOT NULL
        CONSTRAINT plan_month_first_day CHECK (extract(day FROM month) = 1),
    network_name text        NOT NULL,
    status       text        NOT NULL DEFAULT 'DRAFT'
        CONSTRAINT plan_status_known CHECK (status IN ('DRAFT', 'SOLVING', 'SOLVED', 'PUBLISHED', 'ARCHIVED')),
    -- optimistic locking: every change of a plan raises its version by one
    version      integer     NOT NULL DEFAULT 0
        CONSTRAINT plan_version_not_negative CHECK (version >= 0),
    score        text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    solved_at    timestamptz,
    published_at timestamptz,
    archived_at  timestamptz,
    CONSTRAINT plan_solved_has_score CHECK (status NOT IN ('SOLVED', 'PUBLISHED') OR (score IS NOT NULL AND solved_at IS NOT NULL)),
    CONSTRAINT plan_published_has_time CHECK (status <> 'PUBLISHED' OR published_at IS NOT NULL),
    CONSTRAINT plan_region_key UNIQUE (region_id, id)
);

-- at most one published plan per region and month
CREATE UNIQUE INDEX plan_one_published_per_month ON plan (region_id, month) WHERE status = 'PUBLISHED';

CREATE FUNCTION plan_status_transition() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF NEW.status NOT IN ('DRAFT', 'SOLVING', 'SOLVED', 'PUBLISHED', 'ARCHIVED') THEN
        RETURN NEW; -- plan_status_known says so
    ELSIF TG_OP = 'INSERT' THEN
        IF NEW.status <> 'DRAFT' THEN
            RAISE EXCEPTION 'a new plan starts as DRAFT, not %', NEW.status
                USING ERRCODE = 'check_violation', CONSTRAINT = 'plan_status_transition';
        END IF;
    ELSIF NEW.status <> OLD.status AND (OLD.status, NEW.status) NOT IN (
            ('DRAFT', 'SOLVING'), ('SOLVING', 'SOLVED'), ('SOLVING', 'DRAFT'), ('SOLVED', 'SOLVING'),
            ('SOLVED', 'PUBLISHED'), ('PUBLISHED', 'ARCHIVED'), ('DRAFT', 'ARCHIVED'), ('SOLVED', 'ARCHIVED')) THEN
        RAISE EXCEPTION 'plan %: status cannot change from % to %', OLD.id, OLD.status, NEW.status
            USING ERRCODE = 'check_violation', CONSTRAINT = 'plan_status_transition';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER plan_status_transition
    BEFORE INSERT OR UPDATE ON plan
    FOR EACH ROW EXECUTE FUNCTION plan_status_transition();

-- the constraint weights the coordinator chose for this plan (0 switches a soft rule off)
CREATE TABLE plan_constraint_weight (
    plan_id         bigint  NOT NULL REFERENCES plan ON DELETE CASCADE,
    constraint_name text    NOT NULL
        CONSTRAINT plan_constraint_weight_name_not_blank CHECK (btrim(constraint_name) <> ''),
    weight          numeric NOT NULL
        CONSTRAINT plan_constraint_weight_not_negative CHECK (weight >= 0),
    PRIMARY KEY (plan_id, constraint_name)
);

CREATE TABLE plan_trip (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id      bigint      NOT NULL,
    region_id    bigint      NOT NULL,
    position     integer     NOT NULL
        CONSTRAINT plan_trip_position_not_negative CHECK (position >= 0),
    external_id  external_id NOT NULL,
    volunteer_id bigint      NOT NULL,
    vehicle_id   bigint      NOT NULL,
    trip_date    date        NOT NULL,
    starts_at    timestamptz NOT NULL,
    ends_at      timestamptz NOT NULL,
    -- confirmed done by a coordinator or the driver: its movements are then in the ledger
    done_at      timestamptz,
    done_by      text,
    CONSTRAINT plan_trip_window CHECK (starts_at <= ends_at),
    CONSTRAINT plan_trip_done_by CHECK ((done_at IS NULL) = (done_by IS NULL)),
    CONSTRAINT plan_trip_plan_fk FOREIGN KEY (region_id, plan_id) REFERENCES plan (region_id, id) ON DELETE CASCADE,
    CONSTRAINT plan_trip_volunteer_fk FOREIGN KEY (region_id, volunteer_id) REFERENCES volunteer (region_id, id),
    CONSTRAINT plan_trip_vehicle_fk FOREIGN KEY (region_id, vehicle_id) REFERENCES vehicle (region_id, id),
    CONSTRAINT plan_trip_external_id_unique UNIQUE (plan_id, external_id),
    CONSTRAINT plan_trip_position_unique UNIQUE (plan_id, position),
    CONSTRAINT plan_trip_region_key UNIQUE (region_id, id)
);

CREATE INDEX plan_trip_volunteer_idx ON plan_trip (volunteer_id, trip_date);

CREATE TABLE plan_stop (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    trip_id          bigint      NOT NULL,
    region_id        bigint      NOT NULL,
    position         integer     NOT NULL
        CONSTRAINT plan_stop_position_not_negative CHECK (position >= 0),
    site_id          bigint      NOT NULL,
    arrival_at       timestamptz NOT NULL,
    service_start_at timestamptz NOT NULL,
    departure_at     timestamptz NOT NULL,
    CONSTRAINT plan_stop_times_ordered CHECK (arrival_at <= service_start_at AND service_start_at <= departure_at),
    CONSTRAINT plan_stop_trip_fk FOREIGN KEY (region_id, trip_id) REFERENCES plan_trip (region_id, id) ON DELETE CASCADE,
    CONSTRAINT plan_stop_site_fk FOREIGN KEY (region_id, site_id) REFERENCES site (region_id, id),
    CONSTRAINT plan_stop_position_unique UNIQUE (trip_id, position),
    CONSTRAINT plan_stop_region_key UNIQUE (region_id, id)
);

-- food loaded or unloaded at a stop: part of one lot, on its way to one recipient
CREATE TABLE stop_load (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    stop_id        bigint            NOT NULL,
    region_id      bigint            NOT NULL,
    position       integer           NOT NULL
        CONSTRAINT stop_load_position_not_negative CHECK (position >= 0),
    kind           text              NOT NULL
        CONSTRAINT stop_load_kind_known CHECK (kind IN ('LOAD', 'UNLOAD')),
    lot_id         bigint            NOT NULL,
    -- the lot id as the plan names it (a lot in stock at several sites appears as "lot@site")
    lot_ref        external_id       NOT NULL,
    temperature    temperature_class NOT NULL,
    grams          bigint            NOT NULL
        CONSTRAINT stop_load_grams_positive CHECK (grams > 0),
    parcel_id      text,
    recipient_id   bigint,
    recipient_role text GENERATED ALWAYS AS ('RECIPIENT') STORED,
    CONSTRAINT stop_load_stop_fk FOREIGN KEY (region_id, stop_id) REFERENCES plan_stop (region_id, id) ON DELETE CASCADE,
    CONSTRAINT stop_load_lot_fk FOREIGN KEY (region_id, lot_id) REFERENCES donation_lot (region_id, id),
    CONSTRAINT stop_load_temperature_of_lot FOREIGN KEY (lot_id, temperature) REFERENCES donation_lot (id, temperature),
    CONSTRAINT stop_load_for_a_recipient
        FOREIGN KEY (region_id, recipient_id, recipient_role) REFERENCES site (region_id, id, role),
    CONSTRAINT stop_load_position_unique UNIQUE (stop_id, position)
);

-- parcels: part of a lot meant for one recipient's serving day, and whether the plan delivers it
CREATE TABLE plan_allocation (
    plan_id        bigint      NOT NULL,
    region_id      bigint      NOT NULL,
    position       integer     NOT NULL
        CONSTRAINT plan_allocation_position_not_negative CHECK (position >= 0),
    parcel_id      text        NOT NULL
        CONSTRAINT plan_allocation_parcel_id_not_blank CHECK (btrim(parcel_id) <> ''),
    lot_id         bigint      NOT NULL,
    lot_ref        external_id NOT NULL,
    recipient_id   bigint      NOT NULL,
    recipient_role text GENERATED ALWAYS AS ('RECIPIENT') STORED,
    serving_day    date        NOT NULL,
    grams          bigint      NOT NULL
        CONSTRAINT plan_allocation_grams_positive CHECK (grams > 0),
    planned        boolean     NOT NULL,
    CONSTRAINT plan_allocation_plan_fk FOREIGN KEY (region_id, plan_id) REFERENCES plan (region_id, id) ON DELETE CASCADE,
    CONSTRAINT plan_allocation_lot_fk FOREIGN KEY (region_id, lot_id) REFERENCES donation_lot (region_id, id),
    CONSTRAINT plan_allocation_for_a_recipient
        FOREIGN KEY (region_id, recipient_id, recipient_role) REFERENCES site (region_id, id, role),
    CONSTRAINT plan_allocation_parcel_unique UNIQUE (plan_id, parcel_id),
    PRIMARY KEY (plan_id, position)
);

-- ledger rows written when a trip of a published plan is confirmed done
ALTER TABLE stock_movement ADD COLUMN trip_id bigint
    CONSTRAINT stock_movement_trip_fk REFERENCES plan_trip;
