-- The travel source a plan was made with (issue 13, Plan.travelSource): the OpenStreetMap extract's file name and
-- the SHA-256 of its bytes. Both null: the network's own travel model (great circle or a matrix of unknown origin).

ALTER TABLE plan
    ADD COLUMN travel_extract text,
    ADD COLUMN travel_sha256  text,
    ADD CONSTRAINT plan_travel_source_whole CHECK ((travel_extract IS NULL) = (travel_sha256 IS NULL)),
    ADD CONSTRAINT plan_travel_extract_not_blank CHECK (btrim(travel_extract) <> ''),
    ADD CONSTRAINT plan_travel_sha256_hex CHECK (travel_sha256 ~ '^[0-9a-f]{64}$');
