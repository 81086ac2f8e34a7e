-- The stock ledger. Every movement of food is one append-only row; stock on hand per site and lot is
-- derived from it (table stock, kept by a trigger in the same statement). A row moves `grams` out of
-- from_site (if any) and into to_site (if any):
--   LOGGED       -> to        a donation arrives at the hub/a depot, or is registered at a donor
--   PICKED_UP    donor -> hub/depot
--   TRANSFERRED  hub/depot -> hub/depot
--   DELIVERED    from ->      handed to recipient_id (leaves the network's stock)
--   DISCARDED    from ->      expired or spoiled (reason)
--   CORRECTED    one site, +/- grams, referencing the row it corrects (never an update or delete)

CREATE TABLE stock_movement (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- client-supplied, unique: a retried operation is recognised and never applied twice
    operation_id   text        NOT NULL
        CONSTRAINT stock_movement_operation_id_format CHECK (btrim(operation_id) <> '' AND length(operation_id) <= 200),
    region_id      bigint      NOT NULL REFERENCES region,
    kind           text        NOT NULL
        CONSTRAINT stock_movement_kind_known
            CHECK (kind IN ('LOGGED', 'PICKED_UP', 'TRANSFERRED', 'DELIVERED', 'DISCARDED', 'CORRECTED')),
    lot_id         bigint      NOT NULL,
    from_site_id   bigint,
    to_site_id     bigint,
    recipient_id   bigint,
    recipient_role text GENERATED ALWAYS AS ('RECIPIENT') STORED,
    grams          bigint      NOT NULL
        CONSTRAINT stock_movement_grams_positive CHECK (grams > 0),
    corrects_id    bigint,
    reason         text,
    occurred_at    timestamptz NOT NULL,
    recorded_at    timestamptz NOT NULL DEFAULT now(),
    recorded_by    text        NOT NULL
        CONSTRAINT stock_movement_recorded_by_not_blank CHECK (btrim(recorded_by) <> ''),
    CONSTRAINT stock_movement_operation_id_unique UNIQUE (operation_id),
    CONSTRAINT stock_movement_lot_key UNIQUE (id, lot_id),
    CONSTRAINT stock_movement_lot_fk FOREIGN KEY (region_id, lot_id) REFERENCES donation_lot (region_id, id),
    CONSTRAINT stock_movement_from_site_fk FOREIGN KEY (region_id, from_site_id) REFERENCES site (region_id, id),
    CONSTRAINT stock_movement_to_site_fk FOREIGN KEY (region_id, to_site_id) REFERENCES site (region_id, id),
    CONSTRAINT stock_movement_delivered_to_a_recipient
        FOREIGN KEY (region_id, recipient_id, recipient_role) REFERENCES site (region_id, id, role),
    -- a correction corrects a row of the same lot
    CONSTRAINT stock_movement_corrects_same_lot FOREIGN KEY (corrects_id, lot_id) REFERENCES stock_movement (id, lot_id),
    CONSTRAINT stock_movement_logged_shape CHECK (kind <> 'LOGGED' OR
        (from_site_id IS NULL AND to_site_id IS NOT NULL AND recipient_id IS NULL AND corrects_id IS NULL)),
    CONSTRAINT stock_movement_move_shape CHECK (kind NOT IN ('PICKED_UP', 'TRANSFERRED') OR
        (from_site_id IS NOT NULL AND to_site_id IS NOT NULL AND from_site_id <> to_site_id
            AND recipient_id IS NULL AND corrects_id IS NULL)),
    CONSTRAINT stock_movement_delivered_shape CHECK (kind <> 'DELIVERED' OR
        (from_site_id IS NOT NULL AND to_site_id IS NULL AND recipient_id IS NOT NULL AND corrects_id IS NULL)),
    CONSTRAINT stock_movement_discarded_shape CHECK (kind <> 'DISCARDED' OR
        (from_site_id IS NOT NULL AND to_site_id IS NULL AND recipient_id IS NULL AND corrects_id IS NULL
            AND btrim(coalesce(reason, '')) <> '')),
    CONSTRAINT stock_movement_corrected_shape CHECK (kind <> 'CORRECTED' OR
        (corrects_id IS NOT NULL AND recipient_id IS NULL AND (from_site_id IS NULL) <> (to_site_id IS NULL)
            AND btrim(coalesce(reason, '')) <> ''))
);

CREATE INDEX stock_movement_lot_idx ON stock_movement (lot_id);
CREATE INDEX stock_movement_region_time_idx ON stock_movement (region_id, occurred_at);

-- Stock on hand per site and lot; written only by the ledger trigger below.
CREATE TABLE stock (
    site_id bigint NOT NULL REFERENCES site,
    lot_id  bigint NOT NULL REFERENCES donation_lot,
    grams   bigint NOT NULL
        CONSTRAINT stock_not_below_zero CHECK (grams >= 0),
    PRIMARY KEY (site_id, lot_id)
);

CREATE INDEX stock_lot_idx ON stock (lot_id);

-- Rows are checked against the roles of the sites they name (no side effects: safe before ON CONFLICT).
CREATE FUNCTION stock_movement_check() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    from_role  text;
    to_role    text;
    lot_ext    text;
    earmark    bigint;
    corrected  stock_movement%ROWTYPE;
BEGIN
    SELECT role INTO from_role FROM site WHERE id = NEW.from_site_id;
    SELECT role INTO to_role FROM site WHERE id = NEW.to_site_id;
    SELECT external_id, earmarked_for INTO lot_ext, earmark FROM donation_lot WHERE id = NEW.lot_id;
    IF NEW.kind = 'LOGGED' AND to_role NOT IN ('DONOR', 'HUB', 'DEPOT') THEN
        RAISE EXCEPTION 'lot % can only be logged at a donor, the hub or a depot, not at a % site', lot_ext, lower(to_role)
            USING ERRCODE = 'check_violation', CONSTRAINT = 'stock_movement_site_roles';
    ELSIF NEW.kind = 'PICKED_UP' AND (from_role <> 'DONOR' OR to_role NOT IN ('HUB', 'DEPOT')) THEN
        RAISE EXCEPTION 'lot % can only be picked up at a donor and brought to the hub or a depot, not % -> %',
            lot_ext, lower(from_role), lower(to_role)
            USING ERRCODE = 'check_violation', CONSTRAINT = 'stock_movement_site_roles';
    ELSIF NEW.kind = 'TRANSFERRED' AND (from_role NOT IN ('HUB', 'DEPOT') OR to_role NOT IN ('HUB', 'DEPOT')) THEN
        RAISE EXCEPTION 'lot % can only be transferred between the hub and depots, not % -> %',
            lot_ext, lower(from_role), lower(to_role)
            USING ERRCODE = 'check_violation', CONSTRAINT = 'stock_movement_site_roles';
    ELSIF NEW.kind = 'DELIVERED' AND earmark IS NOT NULL AND earmark <> NEW.recipient_id THEN
        RAISE EXCEPTION 'lot % is earmarked for another recipient', lot_ext
            USING ERRCODE = 'check_violation', CONSTRAINT = 'stock_movement_earmark';
    ELSIF NEW.kind = 'CORRECTED' AND NEW.corrects_id IS NOT NULL THEN
        SELECT * INTO corrected FROM stock_movement WHERE id = NEW.corrects_id;
        IF coalesce(NEW.from_site_id, NEW.to_site_id) NOT IN
           (coalesce(corrected.from_site_id, -1), coalesce(corrected.to_site_id, -1)) THEN
            RAISE EXCEPTION 'a correction of ledger row % must be at a site that row moved food from or to', NEW.corrects_id
                USING ERRCODE = 'check_violation', CONSTRAINT = 'stock_movement_correction_site';
        END IF;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER stock_movement_check
    BEFORE INSERT ON stock_movement
    FOR EACH ROW EXECUTE FUNCTION stock_movement_check();

-- Applies a row to stock. AFTER INSERT, so that a row skipped by ON CONFLICT (a retried operation) is
-- never applied. The stock rows of the lot are locked in site order first: concurrent opposite
-- transfers then wait for each other instead of deadlocking, and the row lock serializes writers.
CREATE FUNCTION stock_movement_apply() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    on_hand bigint;
BEGIN
    PERFORM 1 FROM stock
    WHERE lot_id = NEW.lot_id AND site_id IN (NEW.from_site_id, NEW.to_site_id)
    ORDER BY site_id
    FOR UPDATE;
    IF NEW.from_site_id IS NOT NULL THEN
        SELECT grams INTO on_hand FROM stock WHERE site_id = NEW.from_site_id AND lot_id = NEW.lot_id;
        IF coalesce(on_hand, 0) < NEW.grams THEN
            RAISE EXCEPTION 'stock of lot % at site % would go below zero: % g on hand, % g taken (%)',
                (SELECT external_id FROM donation_lot WHERE id = NEW.lot_id),
                (SELECT external_id FROM site WHERE id = NEW.from_site_id),
                coalesce(on_hand, 0), NEW.grams, lower(NEW.kind)
                USING ERRCODE = 'check_violation', CONSTRAINT = 'stock_not_below_zero';
        END IF;
        UPDATE stock SET grams = grams - NEW.grams WHERE site_id = NEW.from_site_id AND lot_id = NEW.lot_id;
    END IF;
    IF NEW.to_site_id IS NOT NULL THEN
        INSERT INTO stock (site_id, lot_id, grams) VALUES (NEW.to_site_id, NEW.lot_id, NEW.grams)
        ON CONFLICT (site_id, lot_id) DO UPDATE SET grams = stock.grams + excluded.grams;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER stock_movement_apply
    AFTER INSERT ON stock_movement
    FOR EACH ROW EXECUTE FUNCTION stock_movement_apply();

-- The ledger is append-only.
CREATE FUNCTION stock_movement_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'the stock ledger is append-only: % is not allowed; append a CORRECTED row instead', TG_OP
        USING ERRCODE = 'restrict_violation', CONSTRAINT = 'stock_movement_append_only';
END
$$;

CREATE TRIGGER stock_movement_append_only
    BEFORE UPDATE OR DELETE ON stock_movement
    FOR EACH ROW EXECUTE FUNCTION stock_movement_append_only();

CREATE TRIGGER stock_movement_no_truncate
    BEFORE TRUNCATE ON stock_movement
    FOR EACH STATEMENT EXECUTE FUNCTION stock_movement_append_only();

-- Stock is derived: only the ledger trigger (trigger depth > 1) may write it.
CREATE FUNCTION stock_derived_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF pg_trigger_depth() < 2 THEN
        RAISE EXCEPTION 'stock is derived from the ledger: % on stock is not allowed; append a stock_movement row', TG_OP
            USING ERRCODE = 'restrict_violation', CONSTRAINT = 'stock_derived_only';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER stock_derived_only
    BEFORE INSERT OR UPDATE OR DELETE ON stock
    FOR EACH ROW EXECUTE FUNCTION stock_derived_only();

CREATE TRIGGER stock_no_truncate
    BEFORE TRUNCATE ON stock
    FOR EACH STATEMENT EXECUTE FUNCTION stock_derived_only();

-- Each row as signed deltas per site: the base of stock at a moment and of the month's opening stock.
CREATE VIEW stock_delta AS
SELECT m.id AS movement_id, m.region_id, m.lot_id, m.kind, m.occurred_at, d.site_id, d.grams
FROM stock_movement m
         CROSS JOIN LATERAL (VALUES (m.to_site_id, m.grams), (m.from_site_id, -m.grams)) AS d (site_id, grams)
WHERE d.site_id IS NOT NULL;
