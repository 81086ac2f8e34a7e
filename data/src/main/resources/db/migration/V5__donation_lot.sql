-- A quantity of donated food of one kind. Where it is and how much is left is not stored here: that is
-- derived from the stock ledger (V6). grams is the amount registered when the lot was first logged.

CREATE TABLE donation_lot (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    region_id       bigint            NOT NULL REFERENCES region,
    external_id     external_id       NOT NULL,
    donor_id        bigint            NOT NULL,
    category        text              NOT NULL DEFAULT 'other'
        CONSTRAINT donation_lot_category_not_blank CHECK (btrim(category) <> ''),
    temperature     temperature_class NOT NULL,
    grams           bigint            NOT NULL
        CONSTRAINT donation_lot_grams_positive CHECK (grams > 0),
    expiry_date     date              NOT NULL,
    expiry_kind     text              NOT NULL
        CONSTRAINT donation_lot_expiry_kind_known CHECK (expiry_kind IN ('USE_BY', 'BEST_BEFORE')),
    available_from  date              NOT NULL,
    earmarked_for   bigint,
    earmarked_role  text GENERATED ALWAYS AS ('RECIPIENT') STORED,
    logged_by       text              NOT NULL
        CONSTRAINT donation_lot_logged_by_not_blank CHECK (btrim(logged_by) <> ''),
    logged_at       timestamptz       NOT NULL DEFAULT now(),
    CONSTRAINT donation_lot_donor_fk FOREIGN KEY (region_id, donor_id) REFERENCES site (region_id, id),
    CONSTRAINT donation_lot_earmarked_for_a_recipient
        FOREIGN KEY (region_id, earmarked_for, earmarked_role) REFERENCES site (region_id, id, role),
    CONSTRAINT donation_lot_external_id_unique UNIQUE (region_id, external_id),
    CONSTRAINT donation_lot_region_key UNIQUE (region_id, id),
    CONSTRAINT donation_lot_temperature_key UNIQUE (id, temperature)
);
